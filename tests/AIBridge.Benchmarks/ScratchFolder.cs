namespace AIBridge.Benchmarks;

/// <summary>
/// A benchmark's own temporary folder, removed when the benchmark ends: Q1's SQLite database alone is
/// about 2 GB, and a few runs that left theirs behind filled /tmp.
/// </summary>
public sealed class ScratchFolder : IDisposable
{
    public ScratchFolder(string prefix) => FullName = Directory.CreateTempSubdirectory(prefix).FullName;

    public string FullName { get; }

    public string File(string name) => Path.Combine(FullName, name);

    public void Dispose()
    {
        // Pooled SQLite connections keep the files open; Linux removes open files all the same.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(FullName, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

using AIBridge.Application.Common.Exceptions;
using AIBridge.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;

namespace AIBridge.Infrastructure.Persistence;

/// <summary>The embedded database's file: it holds prompts, so only its owner may read it.</summary>
public static class SqliteFile
{
    /// <summary>
    /// Creates the file readable and writable by its owner only, before SQLite does (it would use the
    /// process's umask, usually world-readable). SQLite gives its <c>-wal</c> and <c>-shm</c> files the
    /// main file's permissions. An existing file is left as it is.
    /// </summary>
    public static void CreateForOwner(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (OperatingSystem.IsWindows() || builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:"
            || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var path = Path.GetFullPath(builder.DataSource);
        if (File.Exists(path) || !Directory.Exists(Path.GetDirectoryName(path)))
        {
            return;
        }

        try
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
    }

    /// <summary>Why the file could not be opened, in words an operator can act on.</summary>
    public static ConfigurationException OpenError(string connectionString, SqliteException error)
    {
        var path = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        var folder = Path.GetDirectoryName(path) ?? "/";
        var reason = !Directory.Exists(folder) ? $"the folder \"{folder}\" does not exist"
            : Directory.Exists(path) ? "it is a folder, not a file"
            : $"permission denied or not a database: the file and its folder must be readable and writable by this process ({error.Message})";
        return new ConfigurationException($"cannot open the SQLite database \"{path}\" ({DatabaseSettings.ConnectionStringSetting}): {reason}", error);
    }
}

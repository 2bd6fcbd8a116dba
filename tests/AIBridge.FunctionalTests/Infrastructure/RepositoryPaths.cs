namespace AIBridge.FunctionalTests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The checkout's root: the folder above the test binaries that holds AIBridge.sln.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AIBridge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AIBridge.sln not found above " + AppContext.BaseDirectory);
    }
}

using System.Diagnostics;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>AIBridge as its own process, as an operator starts it: for what only a process shows (exit codes, stderr, console lines, files).</summary>
public static class AIBridgeChild
{
    /// <param name="folder">The working folder; the SQLite database goes there unless <paramref name="environment"/> says otherwise.</param>
    /// <param name="environment"><c>NAME=value</c> settings, applied last.</param>
    public static Process Start(string folder, params string[] environment) => Run(folder, ["--urls", "http://127.0.0.1:0"], environment);

    /// <summary>AIBridge.Web.dll with other arguments, e.g. one of its commands.</summary>
    public static Process Run(string folder, string[] arguments, params string[] environment) =>
        Process.Start(AIBridgeLauncher.StartInfo(Path.Combine(AppContext.BaseDirectory, "AIBridge.Web.dll"), folder, arguments, environment))!;
}

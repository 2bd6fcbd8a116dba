using System.Diagnostics;

namespace AIBridge.TestSupport;

/// <summary>How tests and benchmarks start AIBridge as its own process, as an operator does.</summary>
public static class AIBridgeLauncher
{
    /// <param name="dll">The <c>AIBridge.Web.dll</c> of the build to run.</param>
    /// <param name="folder">The working folder; the SQLite database goes there unless a setting says otherwise.</param>
    /// <param name="settings"><c>NAME=value</c> environment settings, applied in order (a later one wins).</param>
    public static ProcessStartInfo StartInfo(string dll, string folder, IEnumerable<string> arguments, IEnumerable<string> settings)
    {
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__AIBridge"] = $"Data Source={Path.Combine(folder, "aibridge.db")}";
        foreach (var setting in settings)
        {
            var split = setting.IndexOf('=');
            start.Environment[setting[..split]] = setting[(split + 1)..];
        }

        return start;
    }
}

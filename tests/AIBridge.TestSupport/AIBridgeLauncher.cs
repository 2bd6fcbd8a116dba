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

    /// <summary>
    /// Polls <c>/healthz</c> until the process answers healthy; null then, or why it did not: it exited,
    /// or <paramref name="timeout"/> passed.
    /// </summary>
    public static async Task<string?> WaitHealthyAsync(Process process, Uri baseAddress, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return null;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (process.HasExited)
            {
                return $"AIBridge exited with {process.ExitCode}";
            }

            await Task.Delay(100);
        }

        return $"AIBridge did not become healthy within {timeout.TotalSeconds:F0} s";
    }
}

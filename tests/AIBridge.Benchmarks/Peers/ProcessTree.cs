using System.Globalization;

namespace AIBridge.Benchmarks.Peers;

/// <summary>A benchmark's child process with its descendants (nginx serves from forked workers).</summary>
public static class ProcessTree
{
    /// <summary>Kills the process and its descendants, then removes its working folder.</summary>
    public static async ValueTask StopAsync(System.Diagnostics.Process process, string workDir)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(workDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>CPU time of the process and its descendants, read from /proc.</summary>
    public static TimeSpan CpuTime(int rootPid)
    {
        var parents = new Dictionary<int, int>();
        var cpu = new Dictionary<int, double>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                // Fields after the command name, which sits in parentheses and may hold spaces.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                cpu[pid] = (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        double total = 0;
        foreach (var pid in cpu.Keys)
        {
            for (var p = pid; p > 1 && parents.TryGetValue(p, out var parent); p = parent)
            {
                if (p == rootPid)
                {
                    total += cpu[pid];
                    break;
                }
            }
        }

        return TimeSpan.FromSeconds(total);
    }
}

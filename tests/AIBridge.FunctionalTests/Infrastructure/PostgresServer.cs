using System.Diagnostics;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>
/// A PostgreSQL 15 server of a test's own, started with the repository's <c>build/postgres.sh</c>, that
/// the test may stop and start again (a database outage) without disturbing the shared test server.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _dir;
    private readonly int _port;

    private PostgresServer(string dir, int port, string connectionString)
    {
        _dir = dir;
        _port = port;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        var output = await BashAsync("start_postgres >/dev/null && echo \"$PG_TMPDIR|$AIBRIDGE_TEST_POSTGRES\"");
        var parts = output.Trim().Split('|');
        var port = int.Parse(parts[1].Split(';').Single(p => p.StartsWith("Port=", StringComparison.Ordinal))[5..], System.Globalization.CultureInfo.InvariantCulture);
        return new PostgresServer(parts[0], port, parts[1]);
    }

    public Task StopAsync() => BashAsync($"pg_instance_stop '{_dir}'");

    public Task StartAgainAsync() => BashAsync($"pg_instance_start '{_dir}' {_port}");

    public async ValueTask DisposeAsync() => await BashAsync($"PG_TMPDIR='{_dir}'; stop_postgres");

    private static async Task<string> BashAsync(string script)
    {
        var root = RepositoryPaths.Root();
        var start = new ProcessStartInfo("bash", ["-c", $"set -e; source build/postgres.sh; {script}"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"build/postgres.sh failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }
}

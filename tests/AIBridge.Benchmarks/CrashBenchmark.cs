using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using AIBridge.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Benchmarks;

/// <summary>
/// C1: what a crash costs the audit trail. Streams are sent at a steady rate through AIBridge (SQLite,
/// full recording), the process is killed with SIGKILL mid-load, then started again on the same
/// database under the same instance name. Reported per round: requests answered in full before the
/// kill whose interception is missing from the database, and interceptions still open after the restart.
/// Usage: crash [--rate 200] [--seconds 3] [--rounds 3] [--events 20] [--pause-ms 10]
/// </summary>
public static class CrashBenchmark
{
    public static async Task RunAsync(string[] args, string dll)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var rate = int.Parse(Value("--rate") ?? "200", CultureInfo.InvariantCulture);
        var seconds = double.Parse(Value("--seconds") ?? "3", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Value("--rounds") ?? "3", CultureInfo.InvariantCulture);
        var events = int.Parse(Value("--events") ?? "20", CultureInfo.InvariantCulture);
        var pause = TimeSpan.FromMilliseconds(int.Parse(Value("--pause-ms") ?? "10", CultureInfo.InvariantCulture));

        await using var provider = new FakeProvider(events, pause);
        await provider.StartAsync();
        string[] environment = ["AIBridge__InstanceId=crash-bench"];
        var bridge = await AIBridgeProcess.StartAsync(dll, provider.BaseUrl, environment: environment);
        var token = bridge.Token;
        var database = $"Data Source={Path.Combine(bridge.DataDirectory, "aibridge.db")}";
        Console.WriteLine($"# C1 crash: {rate} streams/s of {events} events {pause.TotalMilliseconds:F0} ms apart, SIGKILL after {seconds} s, restart on the same SQLite file");
        Console.WriteLine();
        Console.WriteLine("| round | answered in full before the kill | of those: no row | row without its end or usage | oldest lost answer, ms before the kill | in flight at the kill | open after the restart |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var failed = false;
        for (var round = 1; round <= rounds; round++)
        {
            var (answered, inFlight, killedAt) = await LoadThenKillAsync(bridge, token, rate, seconds);
            bridge = await AIBridgeProcess.StartAsync(dll, provider.BaseUrl, environment: environment, dataDirectory: bridge.DataDirectory);

            await using var db = DatabaseOptions.CreateContext(DatabaseProvider.Sqlite, database);
            var ids = answered.Select(a => a.Id).ToList();
            var stored = await db.Interceptions.AsNoTracking().Where(i => ids.Contains(i.Id))
                .Select(i => new { i.Id, i.ErrorType, Usages = i.TokenUsages.Count }).ToDictionaryAsync(i => i.Id);
            var missing = answered.Where(a => !stored.ContainsKey(a.Id)).ToList();
            var incomplete = answered.Where(a => stored.TryGetValue(a.Id, out var row) && (row.ErrorType is not null || row.Usages == 0)).ToList();
            var lost = missing.Concat(incomplete).ToList();
            var latest = lost.Count == 0 ? "-" : (killedAt - lost.Min(a => a.AnsweredAt)).TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);
            var open = await db.Interceptions.CountAsync(i => i.EndedAt == null);
            failed |= open > 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {round} | {answered.Count:N0} | {missing.Count} | {incomplete.Count} | {latest} | {inFlight} | {open} |"));
        }

        var restarted = await DatabaseOptions.CreateContext(DatabaseProvider.Sqlite, database).Interceptions.CountAsync(i => i.ErrorType == "gateway_restarted");
        Console.WriteLine();
        Console.WriteLine($"interceptions ended as gateway_restarted at the restarts: {restarted}");
        await bridge.DisposeAsync();
        Environment.ExitCode = failed ? 1 : 0;
    }

    private sealed record Answered(Guid Id, TimeSpan AnsweredAt);

    /// <summary>Sends at <paramref name="rate"/> for <paramref name="seconds"/>, then kills the process with requests in flight.</summary>
    private static async Task<(List<Answered> Answered, int InFlight, TimeSpan KilledAt)> LoadThenKillAsync(AIBridgeProcess bridge, string token, int rate,
        double seconds)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { Timeout = TimeSpan.FromSeconds(30) };
        var answered = new ConcurrentBag<Answered>();
        var inFlight = 0;
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>();
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        for (var n = 0; clock.Elapsed.TotalSeconds < seconds; n++)
        {
            sends.Add(SendAsync());
            var next = interval * (n + 1);
            if (next > clock.Elapsed)
            {
                await Task.Delay(next - clock.Elapsed);
            }
        }

        var killedAt = clock.Elapsed;
        var open = Volatile.Read(ref inFlight);
        await bridge.KillAsync();
        await Task.WhenAll(sends);
        return ([.. answered], open, killedAt);

        async Task SendAsync()
        {
            Interlocked.Increment(ref inFlight);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, bridge.BaseUrl + StreamKind.Anthropic.BridgePath)
                {
                    Content = new StringContent(StreamKind.Anthropic.Body, System.Text.Encoding.UTF8, "application/json"),
                };
                foreach (var (name, value) in StreamKind.Anthropic.BridgeHeaders(token))
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                await response.Content.CopyToAsync(Stream.Null);
                if (response.IsSuccessStatusCode && response.Headers.TryGetValues("X-AIBridge-Interception-Id", out var id))
                {
                    answered.Add(new Answered(Guid.Parse(id.Single()), clock.Elapsed));
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                // Cut off by the kill: not answered.
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }
    }
}

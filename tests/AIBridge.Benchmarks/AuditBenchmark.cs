using System.Diagnostics;
using System.Globalization;
using AIBridge.Application.Audit.Retention;
using AIBridge.Infrastructure.Persistence.Providers;
using AIBridge.Infrastructure.Persistence.Rollups;
using AIBridge.Infrastructure.Retention;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Benchmarks;

/// <summary>
/// Q1: the audit API over a large table. Loads <c>--interceptions</c> rows into a fresh database of the
/// chosen provider (AIBridge migrates it), then times each endpoint, one request at a time.
/// With <c>--rollup-only</c>, only the hourly usage roll-up those interceptions would have made is seeded
/// (<see cref="UsageRollupSeed"/>), and only the usage reports are timed: they read nothing else.
/// Usage: audit --provider sqlite|postgres [--interceptions 1000000] [--samples 40] [--warmup-rounds 30] [--postgres "Host=…;Username=…"] [--no-sweep] [--rollup-only]
/// </summary>
public static class AuditBenchmark
{
    public static async Task RunAsync(string[] args, string dll)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var provider = Enum.Parse<DatabaseProvider>(Value("--provider") ?? "Sqlite", ignoreCase: true);
        var n = int.Parse(Value("--interceptions") ?? "1000000", CultureInfo.InvariantCulture);
        var samples = int.Parse(Value("--samples") ?? "40", CultureInfo.InvariantCulture);
        var rollupOnly = args.Contains("--rollup-only");
        var warmupRounds = int.Parse(Value("--warmup-rounds") ?? "30", CultureInfo.InvariantCulture);
        using var scratch = new ScratchFolder("aibridge-q1-");
        var connection = provider == DatabaseProvider.Postgres
            ? await BenchDatabase.CreatePostgresAsync(BenchDatabase.PostgresServer(Value("--postgres")), "aibridge_q1")
            : $"Data Source={scratch.File("q1.db")}";

        await using var bridge = await AIBridgeProcess.StartAsync(dll, "http://127.0.0.1:9", provider.ToString(), connection);
        var seeding = Stopwatch.StartNew();
        await using (var db = DatabaseOptions.CreateContext(provider, connection))
        {
            // Plain ADO: the seed's JSON literals have braces, which EF's raw SQL would read as parameters.
            var sqlConnection = db.Database.GetDbConnection();
            await sqlConnection.OpenAsync();
            // The hourly usage roll-up from the seeded rows, as the recorder would have kept it.
            var seed = rollupOnly
                ? (provider == DatabaseProvider.Postgres ? UsageRollupSeed.Postgres(n) : UsageRollupSeed.Sqlite(n)).Concat(InWrittenOrder)
                : (provider == DatabaseProvider.Postgres ? AuditSeed.Postgres(n) : AuditSeed.Sqlite(n)).Concat(UsageRollupBackfill.Statements(provider)).Concat(UsageRollupBackfill.Slices(provider)).Concat(InWrittenOrder);
            foreach (var sql in seed)
            {
                await using var command = sqlConnection.CreateCommand();
                command.CommandText = sql;
                command.CommandTimeout = 1800;
                await command.ExecuteNonQueryAsync();
            }
        }

        // The seed's gigabytes are still being written out: queries timed now would wait for that disk, not
        // for their own reads. The database checkpoints, then the system writes back what is dirty.
        await using (var db = DatabaseOptions.CreateContext(provider, connection))
        {
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres ? "CHECKPOINT" : "PRAGMA wal_checkpoint(TRUNCATE)");
        }

        using (var sync = Process.Start("sync"))
        {
            await sync.WaitForExitAsync();
        }

        Console.WriteLine($"# Q1 audit queries: {n:N0} interceptions{(rollupOnly ? " (their hourly usage roll-up only)" : "")} on {provider}, seeded in {seeding.Elapsed.TotalSeconds:F0} s; {samples} sequential samples per query after {warmupRounds} rounds unmeasured");
        using var client = new HttpClient { BaseAddress = new Uri(bridge.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("Coder-Session-Token", bridge.SessionToken);

        var middle = rollupOnly ? "" : await FirstIdAsync(client, $"/api/v2/aibridge/interceptions?limit=1&offset={n / 2}");
        var deepSession = rollupOnly ? "" : await FirstIdAsync(client, $"/api/v2/aibridge/sessions?limit=1&offset={n / 20}", "sessions");
        var audit = new (string Name, string Path)[]
        {
            ("interceptions, no filter", "/api/v2/aibridge/interceptions"),
            ("interceptions, initiator", "/api/v2/aibridge/interceptions?q=initiator:user3"),
            ("interceptions, one-day window", "/api/v2/aibridge/interceptions?q=" + Uri.EscapeDataString("started_after:\"2025-01-10T00:00:00Z\" started_before:\"2025-01-11T00:00:00Z\"")),
            ("interceptions, deep cursor", $"/api/v2/aibridge/interceptions?after_id={middle}"),
            ("sessions, no filter", "/api/v2/aibridge/sessions"),
            ("sessions, provider filter", "/api/v2/aibridge/sessions?q=provider:openai"),
            ("sessions, deep cursor", $"/api/v2/aibridge/sessions?after_session_id={Uri.EscapeDataString(deepSession)}"),
            ("one session's threads", $"/api/v2/aibridge/sessions/sess-{n / 40 * 2}"),
            ("models", "/api/v2/aibridge/models"),
            ("clients", "/api/v2/aibridge/clients"),
            ($"cache report, {AuditSeed.LongSessionTurns}-turn session", $"/api/v2/aibridge/sessions/{AuditSeed.LongSessionId}/cache"),
        };
        var usage = new (string Name, string Path)[]
        {
            ("usage, 31 days by day and model", "/api/v2/aibridge/usage?interval=day&group_by=model&q=" + Uri.EscapeDataString(Month)),
            ("usage, 31-day user leaderboard", "/api/v2/aibridge/usage?interval=none&group_by=user&order_by=cost&q=" + Uri.EscapeDataString(Month)),
            ("usage, 31 days by day in Berlin", "/api/v2/aibridge/usage?interval=day&tz=Europe/Berlin&q=" + Uri.EscapeDataString(Month)),
            ("usage, 31 days by day in Los Angeles, by user", "/api/v2/aibridge/usage?interval=day&tz=America/Los_Angeles&group_by=user&q=" + Uri.EscapeDataString(Month)),
            ("usage, 31 days by week, user and model in Tokyo", "/api/v2/aibridge/usage?interval=week&tz=Asia/Tokyo&group_by=user,model&q=" + Uri.EscapeDataString(Month)),
            ("usage, 31 days by hour", "/api/v2/aibridge/usage?interval=hour&q=" + Uri.EscapeDataString(Month)),
        };
        (string Name, string Path)[] queries = rollupOnly ? usage : [.. audit, .. usage];

        Console.WriteLine();
        Console.WriteLine("| query | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---|---|---|");
        // Unmeasured rounds warm the page cache, and let .NET's tiered compiler finish: a few hundred requests
        // in, it is still recompiling the hot paths, on the same two cores the queries run on.
        for (var round = 0; round < warmupRounds; round++)
        {
            foreach (var (_, path) in queries)
            {
                await GetAsync(client, path);
            }
        }

        // Round after round of every query, so that the machine's drift falls on all of them alike.
        var times = queries.Select(_ => new double[samples]).ToArray();
        for (var i = 0; i < samples; i++)
        {
            for (var q = 0; q < queries.Length; q++)
            {
                var started = Stopwatch.GetTimestamp();
                await GetAsync(client, queries[q].Path);
                times[q][i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        for (var q = 0; q < queries.Length; q++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {queries[q].Name} | {Stats.Percentile(times[q], 50):F1} | {Stats.Percentile(times[q], 95):F1} | {times[q].Max():F1} |"));
        }

        if (!args.Contains("--no-sweep") && !rollupOnly)
        {
            await SweepOldestHalfAsync(provider, connection, n);
        }
    }

    /// <summary>
    /// The backfill writes the roll-ups in whatever order its GROUP BY yields; the recorder writes them hour
    /// after hour, each batch's slices together, so a range of hours (or days) is a run of pages. Rewritten
    /// in that order, then analysed.
    /// </summary>
    private static readonly string[] InWrittenOrder =
    [
        .. new[]
        {
            ("aibridge_usage_hours", "hour, initiator_id, provider, provider_name, model, client"),
            ("aibridge_usage_days", "day, initiator_id, provider, provider_name, model, client"),
            ("aibridge_usage_hour_slices", "hour, dimensions, initiator_id, provider, provider_name, model, client"),
            ("aibridge_usage_day_slices", "day, dimensions, initiator_id, provider, provider_name, model, client"),
        }.SelectMany(t => new[]
        {
            $"CREATE TEMP TABLE usage_copy AS SELECT * FROM {t.Item1}",
            $"DELETE FROM {t.Item1}",
            $"INSERT INTO {t.Item1} SELECT * FROM usage_copy ORDER BY {t.Item2}",
            "DROP TABLE usage_copy",
        }),
        "ANALYZE",
    ];

    /// <summary>31 days in the middle of the seeded year (the seed starts 2025-01-01, three seconds apart).</summary>
    private const string Month = "started_after:2025-06-01 started_before:2025-07-02";

    /// <summary>
    /// The retention job's sweep (its own code, in this process) over the older half of the seeded
    /// interceptions, 3 s apart from 2025-01-01: how long a first sweep after an upgrade holds the database.
    /// </summary>
    private static async Task SweepOldestHalfAsync(DatabaseProvider provider, string connection, int n)
    {
        var cutoff = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(3.0 * (n / 2));
        await using var db = DatabaseOptions.CreateContext(provider, connection);
        var sweep = new RetentionSweep(new InterceptionRetentionStore(db), new RetentionOptions { RetentionDays = 1 }, new FixedClock(cutoff.AddDays(1)));
        var started = Stopwatch.GetTimestamp();
        var deleted = await sweep.RunAsync(CancellationToken.None);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"retention sweep: {deleted:N0} of {n:N0} interceptions deleted (with their rows and roll-ups) in {seconds:F1} s, {deleted / seconds:N0}/s, batches of {RetentionSweep.DefaultBatchSize:N0}"));
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<string> FirstIdAsync(HttpClient client, string path, string list = "results")
    {
        var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(path));
        return json.RootElement.GetProperty(list)[0].GetProperty("id").GetString()!;
    }
}

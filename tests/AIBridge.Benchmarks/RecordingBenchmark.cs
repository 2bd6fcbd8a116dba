using System.Diagnostics;
using System.Globalization;
using AIBridge.Application.Budgets;
using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Common;
using AIBridge.Domain.Interceptions;
using AIBridge.Domain.Users;
using AIBridge.Infrastructure;
using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Persistence.Providers;
using AIBridge.Infrastructure.Recording;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AIBridge.Benchmarks;

/// <summary>
/// G2: the recorder's sustained throughput. Producers enqueue complete interceptions (start, token usage,
/// prompt, tool call, end: five records each) as fast as the queue takes them; the writer persists them.
/// Reports interceptions per second fully persisted, the queue depth over time, and what was lost.
/// With <c>--session-size N</c>, every N consecutive interceptions share a client session id (an agentic
/// session); the default, 1, makes each its own session, the worst case for the session roll-ups.
/// <c>--in-flight N</c> keeps N interceptions open, as a gateway does while it relays their streams: an
/// interception's start is queued when it begins, its usage, tool call, prompt and end only after N
/// later interceptions have begun, so starts and ends land in different batches (the default, 1000).
/// <c>--in-flight 0</c> queues each interception's five records together.
/// <c>--rate R</c> offers R interceptions per second instead of as many as the queue takes, to show
/// whether the writer keeps up with a sustained load: the queue stays flat and empties right after the
/// last one. Interceptions belong to <c>--users</c> users in turn (default 20, a team). The first
/// <c>--warmup</c> interceptions (default 10,000) are written before the clock starts.
/// Usage: recording --provider sqlite|postgres [--interceptions 100000] [--rate 0] [--users 20] [--warmup 10000] [--session-size 1] [--in-flight 1000] [--batch-size N (default: the product's)] [--postgres "Host=…"]
/// </summary>
public static class RecordingBenchmark
{
    private const int Producers = 4;

    public static async Task RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var provider = Enum.Parse<DatabaseProvider>(Value("--provider") ?? "Sqlite", ignoreCase: true);
        var n = int.Parse(Value("--interceptions") ?? "100000", CultureInfo.InvariantCulture);
        var sessionSize = int.Parse(Value("--session-size") ?? "1", CultureInfo.InvariantCulture);
        var inFlight = int.Parse(Value("--in-flight") ?? "1000", CultureInfo.InvariantCulture);
        var rate = int.Parse(Value("--rate") ?? "0", CultureInfo.InvariantCulture);
        var userCount = int.Parse(Value("--users") ?? "20", CultureInfo.InvariantCulture);
        var warmup = int.Parse(Value("--warmup") ?? "10000", CultureInfo.InvariantCulture);
        using var scratch = new ScratchFolder("aibridge-g2-");
        var connection = provider == DatabaseProvider.Postgres
            ? await BenchDatabase.CreatePostgresAsync(BenchDatabase.PostgresServer(Value("--postgres")), "aibridge_g2")
            : $"Data Source={scratch.File("g2.db")}";

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:AIBridge"] = connection,
        }).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddConsole());
        services.AddInfrastructureServices(configuration);
        services.AddSingleton(new AIBridge.Application.Gateway.Recovery.GatewayInstance("g2"));
        if (Value("--batch-size") is { } batchSizeOption)
        {
            services.Configure<RecordingOptions>(o => o.BatchSize = int.Parse(batchSizeOption, CultureInfo.InvariantCulture));
        }

        if (Value("--catch-up-records") is { } catchUpOption)
        {
            services.Configure<RecordingOptions>(o => o.CatchUpRecords = int.Parse(catchUpOption, CultureInfo.InvariantCulture));
        }

        await using var root = services.BuildServiceProvider();
        await using (var scope = root.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        }

        var users = Enumerable.Range(0, userCount).Select(u => User.Create($"bench{u}", $"bench{u}@example.com", "", "x", [], DateTime.UtcNow)).ToArray();
        await using (var db = DatabaseOptions.CreateContext(provider, connection))
        {
            db.Users.AddRange(users);
            await db.SaveChangesAsync();
        }

        var queue = root.GetRequiredService<RecordQueue>();
        var recording = root.GetRequiredService<Microsoft.Extensions.Options.IOptions<RecordingOptions>>().Value;
        var writer = root.GetRequiredService<RecordWriter>();
        await writer.StartAsync(CancellationToken.None);

        var depths = new List<(double Seconds, long Depth)>();
        var clock = new Stopwatch();
        long dropped = 0;

        // Warm-up, not measured: the writer's code and the database's statements get compiled, as in a
        // gateway that has been running for a while. Its interceptions count in the checks below.
        await ProduceAsync(n, warmup, paced: false);
        await PersistedAsync();

        clock.Start();
        using var sampling = new Timer(_ => { lock (depths) depths.Add((clock.Elapsed.TotalSeconds, queue.Count)); }, null, 0, 250);
        await ProduceAsync(0, n, paced: rate > 0);

        Task ProduceAsync(int first, int count, bool paced) => Task.WhenAll(Enumerable.Range(0, Producers).Select(worker => Task.Run(() =>
        {
            var open = new Queue<Planned>();
            for (var i = worker; i < count; i += Producers)
            {
                if (paced)
                {
                    Pace(i);
                }

                var planned = new Planned(users[(first + i) / sessionSize % users.Length].Id, first + i, sessionSize);
                Enqueue(planned.Start());
                open.Enqueue(planned);
                if (open.Count > inFlight / Producers)
                {
                    Enqueue(open.Dequeue().Rest());
                }
            }

            while (open.TryDequeue(out var planned))
            {
                Enqueue(planned.Rest());
            }
        })));

        // The queue counts a record until its batch is committed: empty means everything is written.
        async Task PersistedAsync()
        {
            var waiting = Stopwatch.StartNew();
            while (queue.Count > 0 && waiting.Elapsed < TimeSpan.FromMinutes(10))
            {
                await Task.Delay(20);
            }
        }

        // Offers interception i at i / rate seconds: a producer sleeps once it is 5 ms ahead (waking up
        // every millisecond cost the measured writer a visible share of the two cores).
        void Pace(int i)
        {
            if (TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed is { TotalMilliseconds: >= 5 } ahead)
            {
                Thread.Sleep(ahead);
            }
        }

        void Enqueue(IEnumerable<RecordedItem> records)
        {
            foreach (var record in records)
            {
                if (!queue.Enqueue(record))
                {
                    Interlocked.Increment(ref dropped);
                }
            }
        }

        var produced = clock.Elapsed;
        await PersistedAsync();
        var persisted = clock.Elapsed;
        await using var check = DatabaseOptions.CreateContext(provider, connection);
        await writer.StoppedAsync(CancellationToken.None);
        var counts = (
            Interceptions: await check.Interceptions.CountAsync(i => i.EndedAt != null),
            Tokens: await check.TokenUsages.CountAsync(),
            Prompts: await check.UserPrompts.CountAsync(),
            Tools: await check.ToolUsages.CountAsync());
        var rolledUp = (
            Interceptions: await check.UsageHours.SumAsync(u => u.Interceptions),
            Cost: await check.UsageHours.SumAsync(u => u.CostMicros ?? 0),
            Reserved: await check.UsageHours.SumAsync(u => u.ReservedMicros));

        long deepest;
        lock (depths)
        {
            deepest = depths.Max(d => d.Depth);
        }

        var offered = rate > 0 ? $"{rate:N0} offered per second" : "offered as fast as the queue takes them";
        Console.WriteLine($"# G2 recording throughput on {provider}: {n:N0} interceptions x 5 records, {offered}, {userCount} users, {sessionSize} per session, after {warmup:N0} not measured, {inFlight} in flight, {Producers} producers, {recording.Writers} writer(s), batches of {recording.BatchSize} records");
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"enqueued in {produced.TotalSeconds:F1} s; all persisted after {persisted.TotalSeconds:F1} s ({(persisted - produced).TotalSeconds:F1} s after the last): **{n / persisted.TotalSeconds:F0} interceptions/s** ({n * 5 / persisted.TotalSeconds:F0} rows/s); deepest queue {deepest:N0} records"));
        Console.WriteLine($"dropped at enqueue: {dropped}; stored, warm-up included: {counts.Interceptions} ended interceptions, {counts.Tokens} token rows, {counts.Prompts} prompts, {counts.Tools} tool calls");
        Console.WriteLine("queue depth (s: records): " + string.Join(", ", depths.Where((_, i) => i % 4 == 0).Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Seconds:F0}: {d.Depth}"))));
        Console.WriteLine($"hourly usage roll-up: {rolledUp.Interceptions} interceptions, {rolledUp.Cost} micro-USD, {rolledUp.Reserved} still reserved");
        var total = n + warmup;
        if (dropped > 0 || counts.Interceptions != total || counts.Tokens != total || counts.Prompts != total || counts.Tools != total
            || rolledUp.Interceptions != total || rolledUp.Cost != total * 4_440L || rolledUp.Reserved != 0)
        {
            Environment.ExitCode = 1;
        }
    }

    /// <summary>
    /// One interception's records: the start when it begins, the rest when its stream ends. Each is priced,
    /// holds a budget reservation and names its hourly usage row, as the gateway's are.
    /// </summary>
    private sealed class Planned
    {
        private readonly DateTime _startedAt = DateTime.UtcNow;
        private readonly Guid _id = RecordId.New(DateTime.UtcNow);
        private readonly int _i;
        private readonly Interception _interception;
        private readonly UsageKey _usage;
        private readonly BudgetHold _hold = new(50_000);

        public Planned(Guid userId, int i, int sessionSize)
        {
            _i = i;
            _interception = new Interception
            {
                Id = _id, InitiatorId = userId, ApiKeyId = "abcdefghij", Provider = "anthropic", ProviderName = "anthropic", Model = "claude-bench",
                Client = "Claude Code", ClientSessionId = sessionSize > 1 ? "bench-session-" + (i / sessionSize) : null, Metadata = """{"request_user_agent":"claude-cli/2.0"}""", CredentialHint = "sk-a...wxyz", StartedAt = _startedAt,
            };
            _usage = UsageKey.Of(_interception);
        }

        public IEnumerable<RecordedItem> Start()
        {
            yield return new InterceptionStarted(_interception, null) { Hold = _hold };
        }

        /// <summary>In the order the gateway queues them: usage and tool calls while streaming, then the prompt and the end.</summary>
        public IEnumerable<RecordedItem> Rest()
        {
            var now = DateTime.UtcNow;
            yield return new TokenUsageRecorded(new TokenUsage
            {
                Id = RecordId.New(now), InterceptionId = _id, ProviderResponseId = "msg_" + _i, InputTokens = 1200, OutputTokens = 40, CacheReadInputTokens = 800,
                CostMicros = 4_440, Metadata = """{"cache_read_input":800,"cache_creation_input":0}""", CreatedAt = now,
            })
            {
                Rollup = _usage,
            };
            yield return new ToolUsageRecorded(new ToolUsage
            {
                Id = RecordId.New(now), InterceptionId = _id, ProviderResponseId = "msg_" + _i, ProviderToolCallId = "toolu_" + _i, Tool = "Read",
                Input = """{"file_path":"/src/a.cs"}""", Metadata = "{}", CreatedAt = now,
            })
            {
                InterceptionStartedAt = _startedAt,
                Rollup = _usage,
            };
            yield return new UserPromptRecorded(new UserPrompt
            {
                Id = RecordId.New(now), InterceptionId = _id, ProviderResponseId = "msg_" + _i, Prompt = "Refactor the parser and add tests " + _i, Metadata = "{}", CreatedAt = _startedAt,
            })
            {
                Rollup = _usage,
            };
            _hold.AddCost(4_440);
            _hold.End();
            yield return new InterceptionEnded(_id, now.AddMilliseconds(1), "sk-a...wxyz", InterceptionOutcome.Completed(200), new InterceptionLatency(180 + (_i % 700), 900))
            {
                Rollup = _usage,
                Hold = _hold,
            };
        }
    }
}

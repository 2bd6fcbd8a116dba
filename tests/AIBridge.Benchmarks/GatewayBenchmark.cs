using System.Globalization;
using AIBridge.Benchmarks.Peers;

namespace AIBridge.Benchmarks;

/// <summary>
/// G1: the same streamed request, in one run, straight to the fake provider, through nginx (plain
/// reverse proxy), through a bare Kestrel + HttpClient relay (<see cref="KestrelRelay"/>: the floor of
/// AIBridge's stack), through AIBridge (its own Release process, SQLite, full recording) and through
/// Portkey's gateway; for an Anthropic Messages stream, an OpenAI Chat stream and a Responses stream.
/// Usage: gateway [--requests N] [--warmup-seconds 20] [--concurrency 1,16,64] [--events 40] [--streams anthropic,openai-chat,openai-responses]
///                (or R1's: claude-code-50k,claude-code-250k,claude-code-1m,codex-250k)
///                [--targets nginx,kestrel,aibridge,portkey] [--peers required|optional] [--smoke]
///                [--baseline-dll path/to/other/AIBridge.Web.dll] [--bridge-env NAME=VALUE,...] [--baseline-env NAME=VALUE,...] [--rounds 2]
/// <c>--targets</c> narrows a run (e.g. to profile AIBridge alone); <c>direct</c> is always measured, as the baseline.
/// <c>--baseline-dll</c> adds a second AIBridge build as target <c>aibridge-baseline</c>: on a shared
/// machine whose speed drifts from run to run, a change is only judged against its baseline in one run.
/// <c>--bridge-env</c> and <c>--baseline-env</c> set variables for one of the two (a setting to try, or the
/// same setting on both, say recording turned off to compare the relays alone).
/// <c>--rounds</c> splits each cell's requests into that many rounds, the targets in alternating order;
/// with a baseline build, the CPU per request of the two is compared round by round and the median of
/// those ratios reported, which a drifting machine moves far less than a comparison of totals.
/// </summary>
public static class GatewayBenchmark
{
    public static async Task RunAsync(string[] args, Options options)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var peersRequired = Value("--peers") == "required";
        var only = Value("--targets")?.Split(',');
        bool Wanted(string target) => only is null || only.Contains(target);
        var streams = (Value("--streams")?.Split(',') ?? StreamKind.All.Select(s => s.Name).ToArray())
            .Select(name => StreamKind.All.Concat(StreamKind.Realistic).Single(s => s.Name == name))
            .ToArray();

        await using var provider = new FakeProvider(options.Events);
        await provider.StartAsync();
        await using var bridge = await AIBridgeProcess.StartAsync(options.Dll, provider.BaseUrl, environment: Value("--bridge-env")?.Split(','));
        await using var baseline = Value("--baseline-dll") is { } baselineDll ? await AIBridgeProcess.StartAsync(baselineDll, provider.BaseUrl, environment: Value("--baseline-env")?.Split(',')) : null;
        await using var nginx = Wanted("nginx")
            ? await StartPeerAsync("nginx", Nginx.Binary() is { } binary ? () => Nginx.StartAsync(binary, provider.BaseUrl) : null, peersRequired)
            : null;
        await using var kestrel = Wanted("kestrel") ? await KestrelRelay.StartAsync(provider.BaseUrl) : null;
        await using var portkey = Wanted("portkey")
            ? await StartPeerAsync("portkey", Portkey.Directory(options.Root) is { } dir ? () => Portkey.StartAsync(dir) : null, peersRequired)
            : null;

        Console.WriteLine($"# G1 gateway overhead: {options.Requests} requests per cell, {Environment.ProcessorCount} cores, streams of {options.Events} events");
        Console.WriteLine("Load-gen CPU % is the load generator (which also hosts the fake provider); proxy CPU % is the proxy's process tree; both are shares of all cores.");
        using var runner = new LoadRunner();
        var failures = 0L;
        var sentThroughBridge = 0L;
        var targetsOf = streams.ToDictionary(stream => stream, stream =>
        {
            var targets = new List<Target>
            {
                new("direct", provider.BaseUrl + stream.Path, stream.ProviderHeaders(), stream.Body),
            };
            if (nginx is not null)
            {
                targets.Add(new("nginx", nginx.BaseUrl + stream.Path, stream.ProviderHeaders(), stream.Body, () => nginx.CpuTime));
            }

            if (kestrel is not null)
            {
                targets.Add(new("kestrel", kestrel.BaseUrl + stream.Path, stream.ProviderHeaders(), stream.Body, () => kestrel.CpuTime));
            }

            if (Wanted("aibridge"))
            {
                targets.Add(new("aibridge", bridge.BaseUrl + stream.BridgePath, stream.BridgeHeaders(bridge.Token), stream.Body, () => bridge.CpuTime));
            }

            if (baseline is not null)
            {
                targets.Add(new("aibridge-baseline", baseline.BaseUrl + stream.BridgePath, stream.BridgeHeaders(baseline.Token), stream.Body, () => baseline.CpuTime));
            }

            if (portkey is not null)
            {
                targets.Add(new("portkey", portkey.BaseUrl + stream.Path, stream.PortkeyHeaders(provider.BaseUrl), stream.Body, () => portkey.CpuTime));
            }

            return targets;
        });

        sentThroughBridge += await WarmUpAsync(runner, targetsOf.Values.ToList(), options.WarmupSeconds);
        foreach (var (stream, targets) in targetsOf)
        {
            var (streamFailures, bridgeRequests) = await RunStreamAsync(runner, stream, targets, options,
                int.TryParse(Value("--rounds"), out var rounds) && rounds >= 2 ? rounds : 2);
            failures += streamFailures;
            sentThroughBridge += bridgeRequests;
        }

        await ReportRecordingAsync(bridge, sentThroughBridge);

        if (failures > 0)
        {
            Console.WriteLine($"{failures} requests failed");
            Environment.ExitCode = 1;
        }
    }

    /// <summary>
    /// Recording never blocks the relay, so at these rates it lags behind; this waits until every
    /// request sent through AIBridge is a stored, completed interception, or says how many are not.
    /// </summary>
    private static async Task ReportRecordingAsync(AIBridgeProcess bridge, long sent)
    {
        using var client = new HttpClient { BaseAddress = new Uri(bridge.BaseUrl) };
        client.DefaultRequestHeaders.Add("Coder-Session-Token", bridge.SessionToken);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        long stored = -1, last = -2;
        var stableSince = TimeSpan.Zero;
        while (waited.Elapsed < TimeSpan.FromMinutes(5))
        {
            using var page = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v2/aibridge/interceptions?limit=1"));
            stored = page.RootElement.GetProperty("count").GetInt64();
            if (stored >= sent || (stored == last && waited.Elapsed - stableSince > TimeSpan.FromSeconds(10)))
            {
                break;
            }

            if (stored != last)
            {
                stableSince = waited.Elapsed;
                last = stored;
            }

            await Task.Delay(250);
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Recording: {stored:N0} of {sent:N0} requests sent through AIBridge stored as completed interceptions, {waited.Elapsed.TotalSeconds:F1} s after the last one."));
        if (stored != sent)
        {
            Environment.ExitCode = 1;
        }
    }

    /// <summary>
    /// Loads each target for <paramref name="seconds"/> at concurrency 16, cycling through the streams,
    /// until the JIT runtimes (.NET's tiers, Node's V8) have settled. On these two saturated cores
    /// AIBridge's tiered compiler kept adding optimised methods for about 20 s of load: after a 5,000
    /// request warm-up (about 1.5 s) the JIT still had 13 % of its samples, and the bare Kestrel relay
    /// measured 0.198 ms of CPU per request against 0.083 ms once warm.
    /// </summary>
    /// <returns>How many requests went through AIBridge.</returns>
    private static async Task<long> WarmUpAsync(LoadRunner runner, List<List<Target>> targetsPerStream, double seconds)
    {
        long bridgeRequests = 0;
        foreach (var name in targetsPerStream[0].Select(t => t.Name))
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            for (var round = 0; started.Elapsed.TotalSeconds < seconds; round++)
            {
                bridgeRequests += await WarmAsync(runner, targetsPerStream[round % targetsPerStream.Count].Single(t => t.Name == name), Math.Min(1, seconds));
            }
        }

        return bridgeRequests;
    }

    /// <summary>Loads one target for a while; a failure there ends the run.</summary>
    /// <returns>How many of the requests went through AIBridge.</returns>
    private static async Task<long> WarmAsync(LoadRunner runner, Target target, double seconds)
    {
        var warm = await runner.RunAsync(target, 16, TimeSpan.FromSeconds(seconds));
        if (warm.Failures > 0)
        {
            throw new InvalidOperationException($"{target.Name} fails {target.Url} in warm-up: {warm.Failures} of {warm.TotalMs.Length}");
        }

        return target.Name == "aibridge" ? warm.TotalMs.Length : 0;
    }

    /// <summary>Waits (up to 5 s) until the target's process uses under 5 % of a core.</summary>
    private static async Task SettleAsync(Target target)
    {
        if (target.Cpu is null)
        {
            return;
        }

        var last = target.Cpu();
        for (var i = 0; i < 50; i++)
        {
            await Task.Delay(100);
            var now = target.Cpu();
            if (now - last < TimeSpan.FromMilliseconds(5))
            {
                return;
            }

            last = now;
        }
    }

    private static async Task<PeerProcess?> StartPeerAsync(string name, Func<Task<PeerProcess>>? start, bool required)
    {
        if (start is null)
        {
            var message = $"{name} is not installed; build/bench/gateway.sh installs it";
            Console.WriteLine($"# {message}: left out of this run");
            return required ? throw new InvalidOperationException(message) : null;
        }

        return await start();
    }

    /// <returns>Failed requests, and how many requests went through AIBridge (warm-up included).</returns>
    private static async Task<(long Failures, long BridgeRequests)> RunStreamAsync(LoadRunner runner, StreamKind stream, List<Target> targets, Options options,
        int rounds)
    {
        long bridgeRequests = 0;
        // A short warm-up of this stream's own paths (its parser, say); the long one ran before the first stream.
        foreach (var target in targets)
        {
            bridgeRequests += await WarmAsync(runner, target, Math.Min(3, options.WarmupSeconds));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## {stream.Name} ({System.Text.Encoding.UTF8.GetByteCount(stream.Body) / 1024.0:F0} KB request)"));
        Console.WriteLine();
        Console.WriteLine("| target | concurrency | TTFB p50 ms | TTFB p99 ms | total p50 ms | total p99 ms | req/s | failures | load-gen CPU % | proxy CPU % | proxy CPU ms/req |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        long failures = 0;
        var summary = new List<string>();
        foreach (var concurrency in options.Concurrency)
        {
            // Two halves, the second in reverse order, so slow drift (GC, page cache, CPU boost) affects
            // every target alike; and each target finishes its deferred work (AIBridge's recording) before
            // the next starts, counted in its own CPU time. Without either, two identical AIBridge builds
            // measured one after the other differed by 19 %.
            var parts = targets.ToDictionary(t => t.Name, _ => new List<Measurement>());
            var cpu = targets.ToDictionary(t => t.Name, _ => TimeSpan.Zero);
            var cpuPerRound = targets.ToDictionary(t => t.Name, _ => new List<double>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var target in round % 2 == 0 ? targets : Enumerable.Reverse(targets))
                {
                    var before = target.Cpu?.Invoke() ?? TimeSpan.Zero;
                    var measured = await runner.RunAsync(target, concurrency, options.Requests / rounds);
                    parts[target.Name].Add(measured);
                    bridgeRequests += target.Name == "aibridge" ? measured.TotalMs.Length : 0;
                    await SettleAsync(target);
                    var used = (target.Cpu?.Invoke() ?? TimeSpan.Zero) - before;
                    cpu[target.Name] += used;
                    cpuPerRound[target.Name].Add(used.TotalMilliseconds / measured.TotalMs.Length);
                }
            }

            var results = parts.ToDictionary(p => p.Key, p => Measurement.Merge(p.Value));
            foreach (var target in targets)
            {
                var m = results[target.Name];
                var proxyCpu = target.Cpu is null ? "" : (cpu[target.Name] / m.Wall / Environment.ProcessorCount * 100).ToString("F0", CultureInfo.InvariantCulture);
                var cpuPerRequest = target.Cpu is null ? "" : (cpu[target.Name].TotalMilliseconds / m.TotalMs.Length).ToString("F3", CultureInfo.InvariantCulture);
                failures += m.Failures;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {target.Name} | {concurrency} | {m.Ttfb(50):F2} | {m.Ttfb(99):F2} | {m.Total(50):F2} | {m.Total(99):F2} | {m.RequestsPerSecond:F0} | {m.Failures} | {m.ClientCpuPercent:F0} | {proxyCpu} | {cpuPerRequest} |"));
            }

            var direct = results["direct"];
            foreach (var proxy in targets.Skip(1))
            {
                var m = results[proxy.Name];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| **{proxy.Name} − direct** | {concurrency} | **{m.Ttfb(50) - direct.Ttfb(50):F2}** | **{m.Ttfb(99) - direct.Ttfb(99):F2}** | {m.Total(50) - direct.Total(50):F2} | {m.Total(99) - direct.Total(99):F2} | {m.RequestsPerSecond / direct.RequestsPerSecond:F2}× | | | | |"));
            }

            if (results.TryGetValue("aibridge", out var bridge))
            {
                var ratios = targets.Where(t => t.Name is "nginx" or "kestrel" or "portkey")
                    .Select(t => string.Create(CultureInfo.InvariantCulture, $"{bridge.RequestsPerSecond / results[t.Name].RequestsPerSecond:F2}× {t.Name}"))
                    .ToList();
                if (results.TryGetValue("aibridge-baseline", out var before))
                {
                    ratios.Add(string.Create(CultureInfo.InvariantCulture, $"{bridge.RequestsPerSecond / before.RequestsPerSecond:F2}× the baseline build"));
                    if (cpuPerRound["aibridge"].Count > 0 && cpuPerRound["aibridge-baseline"].All(c => c > 0))
                    {
                        var perRound = cpuPerRound["aibridge"].Zip(cpuPerRound["aibridge-baseline"], (b, a) => (b / a - 1) * 100).ToList();
                        var sorted = perRound.Order().ToList();
                        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
                        ratios.Add(string.Create(CultureInfo.InvariantCulture,
                            $"CPU per request {median:+0.0;-0.0;0.0} % against the baseline build (median of {perRound.Count} rounds: {string.Join(", ", perRound.Select(r => r.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)))})"));
                    }
                }

                summary.Add(string.Create(CultureInfo.InvariantCulture, $"concurrency {concurrency}: AIBridge throughput = {(ratios.Count > 0 ? string.Join(", ", ratios) : "(no peers)")}"));
            }
        }

        Console.WriteLine();
        summary.ForEach(Console.WriteLine);
        return (failures, bridgeRequests);
    }
}

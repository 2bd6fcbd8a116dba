using System.Globalization;
using AIBridge.Benchmarks;

// G1 of docs/benchmarks.md: the same streamed request straight to the fake provider and through AIBridge,
// side by side in one run. Usage: gateway [--requests N] [--concurrency 1,16] [--events 40] [--dll path] [--smoke]
// Q1, the audit API at scale: audit --provider sqlite|postgres [--interceptions N] (see AuditBenchmark).
// G2, recording throughput: recording --provider sqlite|postgres [--interceptions N] (see RecordingBenchmark).
// M1, memory under many long streams: memory [--streams 200] (see MemoryBenchmark).
var options = Options.Parse(args);
if (args.FirstOrDefault() == "memory")
{
    await MemoryBenchmark.RunAsync(args[1..], options.Dll);
    return;
}

if (args.FirstOrDefault() == "recording")
{
    await RecordingBenchmark.RunAsync(args[1..]);
    return;
}

if (args.FirstOrDefault() == "audit")
{
    await AuditBenchmark.RunAsync(args[1..], options.Dll);
    return;
}

await using var provider = new FakeProvider(options.Events);
await provider.StartAsync();
await using var bridge = await AIBridgeProcess.StartAsync(options.Dll, provider.BaseUrl);

const string body = """{"model":"claude-bench","stream":true,"max_tokens":1024,"messages":[{"role":"user","content":"benchmark prompt"}]}""";
using var runner = new LoadRunner(body);
var direct = new Target("direct", provider.BaseUrl + "/v1/messages", new Dictionary<string, string> { ["X-Api-Key"] = "sk-ant-bench-central-key", ["anthropic-version"] = "2023-06-01" });
var gateway = new Target("aibridge", bridge.BaseUrl + "/api/v2/aibridge/anthropic/v1/messages", new Dictionary<string, string> { ["X-Api-Key"] = bridge.Token });

Console.WriteLine($"# G1 gateway overhead: Anthropic stream of {options.Events} events ({provider.AnthropicBytes} bytes), {options.Requests} requests per cell, {Environment.ProcessorCount} cores");
await runner.RunAsync(direct, 4, options.Warmup);
await runner.RunAsync(gateway, 4, options.Warmup);

Console.WriteLine();
Console.WriteLine("| target | concurrency | TTFB p50 ms | TTFB p99 ms | total p50 ms | total p99 ms | req/s | failures | load-gen CPU % | AIBridge CPU % |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
foreach (var concurrency in options.Concurrency)
{
    // Alternate halves so slow drift (GC, page cache, CPU boost) affects both targets alike.
    var cells = new Dictionary<string, List<Measurement>> { ["direct"] = [], ["aibridge"] = [] };
    var bridgeCpu = TimeSpan.Zero;
    var bridgeWall = TimeSpan.Zero;
    for (var round = 0; round < 2; round++)
    {
        cells["direct"].Add(await runner.RunAsync(direct, concurrency, options.Requests / 2));
        var cpuBefore = bridge.CpuTime;
        var measured = await runner.RunAsync(gateway, concurrency, options.Requests / 2);
        bridgeCpu += bridge.CpuTime - cpuBefore;
        bridgeWall += measured.Wall;
        cells["aibridge"].Add(measured);
    }

    var results = cells.ToDictionary(c => c.Key, c => Merge(c.Value));
    foreach (var (name, m) in results)
    {
        var bridgePercent = name == "aibridge" ? (bridgeCpu / bridgeWall / Environment.ProcessorCount * 100).ToString("F0", CultureInfo.InvariantCulture) : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {concurrency} | {Stats.Percentile(m.TtfbMs, 50):F2} | {Stats.Percentile(m.TtfbMs, 99):F2} | {Stats.Percentile(m.TotalMs, 50):F2} | {Stats.Percentile(m.TotalMs, 99):F2} | {m.RequestsPerSecond:F0} | {m.Failures} | {m.ClientCpuPercent:F0} | {bridgePercent} |"));
    }

    var d = results["direct"];
    var g = results["aibridge"];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| **overhead** | {concurrency} | **{Stats.Percentile(g.TtfbMs, 50) - Stats.Percentile(d.TtfbMs, 50):F2}** | **{Stats.Percentile(g.TtfbMs, 99) - Stats.Percentile(d.TtfbMs, 99):F2}** | {Stats.Percentile(g.TotalMs, 50) - Stats.Percentile(d.TotalMs, 50):F2} | {Stats.Percentile(g.TotalMs, 99) - Stats.Percentile(d.TotalMs, 99):F2} | {g.RequestsPerSecond / d.RequestsPerSecond:F2}× | | | |"));
    if (d.Failures + g.Failures > 0)
    {
        Environment.ExitCode = 1;
    }
}

static Measurement Merge(List<Measurement> parts) => new(
    parts[0].Target, parts[0].Concurrency,
    parts.SelectMany(p => p.TtfbMs).ToArray(), parts.SelectMany(p => p.TotalMs).ToArray(),
    parts.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Wall), parts.Sum(p => p.Failures), parts.Average(p => p.ClientCpuPercent));

internal sealed record Options(int Requests, int Warmup, int[] Concurrency, int Events, string Dll)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var smoke = args.Contains("--smoke");
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "AIBridge.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd('/'))!;
        }

        return new Options(
            int.Parse(Value("--requests") ?? (smoke ? "40" : "4000"), CultureInfo.InvariantCulture),
            smoke ? 10 : 500,
            (Value("--concurrency") ?? (smoke ? "1,4" : "1,16,64")).Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray(),
            int.Parse(Value("--events") ?? "40", CultureInfo.InvariantCulture),
            Value("--dll") ?? Path.Combine(root, "src/AIBridge.Web/bin/Release/net10.0/AIBridge.Web.dll"));
    }
}

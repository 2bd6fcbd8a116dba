using System.Diagnostics;
using System.Globalization;

namespace AIBridge.Benchmarks;

/// <summary>
/// M1: AIBridge's peak working set while it relays many long streams at once. Each stream is an
/// Anthropic response of <c>--events</c> events, <c>--pause-ms</c> apart, all recorded.
/// M2: the same with <c>--kind</c> one of R1's realistic turns (e.g. <c>claude-code-250k</c>), whose
/// answer is that kind's long stream, each event <c>--pause-ms</c> apart.
/// <c>--ramp-seconds</c> starts the streams evenly over that long instead of in one burst (all of them
/// are still open together when it is shorter than a stream).
/// Usage: memory [--streams 200] [--events 40] [--pause-ms 100] [--kind anthropic] [--ramp-seconds 0]
/// </summary>
public static class MemoryBenchmark
{
    public static async Task RunAsync(string[] args, string dll)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var streams = int.Parse(Value("--streams") ?? "200", CultureInfo.InvariantCulture);
        var events = int.Parse(Value("--events") ?? "40", CultureInfo.InvariantCulture);
        var pause = TimeSpan.FromMilliseconds(int.Parse(Value("--pause-ms") ?? "100", CultureInfo.InvariantCulture));

        await using var provider = new FakeProvider(events, pause);
        await provider.StartAsync();
        await using var bridge = await AIBridgeProcess.StartAsync(dll, provider.BaseUrl);
        using var runner = new LoadRunner();
        var stream = StreamKind.All.Concat(StreamKind.Realistic).Single(s => s.Name == (Value("--kind") ?? StreamKind.Anthropic.Name));
        var gateway = new Target("aibridge", bridge.BaseUrl + stream.BridgePath, stream.BridgeHeaders(bridge.Token), stream.Body);

        await runner.RunAsync(gateway, 8, 16); // warm up
        var idle = bridge.WorkingSet;
        long peak = 0;
        using var sampling = new Timer(_ => Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), bridge.WorkingSet)), null, 0, 50);
        var clock = Stopwatch.StartNew();
        var ramp = TimeSpan.FromSeconds(double.Parse(Value("--ramp-seconds") ?? "0", CultureInfo.InvariantCulture));
        var measured = await runner.RunAsync(gateway, streams, streams, ramp);
        clock.Stop();
        await Task.Delay(200);

        Console.WriteLine(stream.Answer is null
            ? $"# M1 memory: {streams} concurrent streams of {events} events, {pause.TotalMilliseconds:F0} ms apart, through AIBridge (SQLite, full recording)"
            : $"# M2 memory: {streams} concurrent {stream.Name} turns ({stream.Body.Length / 1024} KB), answered by {stream.Name}'s long stream, events {pause.TotalMilliseconds:F0} ms apart, started over {ramp.TotalSeconds:F0} s, through AIBridge (SQLite, full recording)");
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"working set: {idle / 1048576.0:F0} MiB warm and idle, **{Interlocked.Read(ref peak) / 1048576.0:F0} MiB peak**; streams done in {clock.Elapsed.TotalSeconds:F1} s, failures {measured.Failures}, stream p50 {Stats.Percentile(measured.TotalMs, 50):F0} ms"));
        if (measured.Failures > 0)
        {
            Environment.ExitCode = 1;
        }
    }
}

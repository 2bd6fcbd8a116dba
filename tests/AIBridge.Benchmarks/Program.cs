using AIBridge.Benchmarks;

// The benchmarks of docs/benchmarks.md; each command's class documents its options.
// G1, gateway overhead (default command): gateway [--requests N] [--concurrency 1,16,64] [--smoke] (see GatewayBenchmark).
// Q1, the audit API at scale: audit --provider sqlite|postgres [--interceptions N] (see AuditBenchmark).
// G2, recording throughput: recording --provider sqlite|postgres [--interceptions N] (see RecordingBenchmark).
// M1, memory under many long streams: memory [--streams 200] (see MemoryBenchmark).
// C1, what a SIGKILL costs the audit trail: crash [--rate 200] [--rounds 3] (see CrashBenchmark).
// kestrel-relay: not a benchmark; the minimal Kestrel + HttpClient relay G1 starts as a peer (see KestrelRelay).
var options = Options.Parse(args);
switch (args.FirstOrDefault())
{
    case AIBridge.Benchmarks.Peers.KestrelRelay.Command:
        await AIBridge.Benchmarks.Peers.KestrelRelay.RunAsync(args[1..]);
        break;
    case "memory":
        await MemoryBenchmark.RunAsync(args[1..], options.Dll);
        break;
    case "crash":
        await CrashBenchmark.RunAsync(args[1..], options.Dll);
        break;
    case "recording":
        await RecordingBenchmark.RunAsync(args[1..]);
        break;
    case "audit":
        await AuditBenchmark.RunAsync(args[1..], options.Dll);
        break;
    default:
        await GatewayBenchmark.RunAsync(args, options);
        break;
}

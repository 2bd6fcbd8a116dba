using AIBridge.TestSupport;

namespace AIBridge.Benchmarks.Peers;

/// <summary>
/// Portkey's open-source gateway (npm <c>@portkey-ai/gateway</c>, installed by build/bench/gateway.sh
/// into build/bench/portkey), relaying to the fake provider named by <c>x-portkey-custom-host</c>.
/// </summary>
/// <remarks>
/// On Node 20 its streaming path throws, because it sets headers on a <c>fetch</c> response, whose
/// headers are immutable there. <c>preload.mjs</c>, loaded with <c>--import</c>, re-wraps every fetch
/// response in a new <c>Response</c> with the same body, status and headers. The preload also binds its
/// server to 127.0.0.1 (start-server.js has no option for it). Nothing else of Portkey's is changed.
/// </remarks>
public static class Portkey
{
    public static string? Directory(string repositoryRoot)
    {
        var dir = Path.Combine(repositoryRoot, "build", "bench", "portkey");
        return File.Exists(Path.Combine(dir, "node_modules", "@portkey-ai", "gateway", "build", "start-server.js")) ? dir : null;
    }

    public static async Task<PeerProcess> StartAsync(string portkeyDirectory)
    {
        var port = LoopbackPort.Free();
        var work = System.IO.Directory.CreateTempSubdirectory("aibridge-bench-portkey-").FullName;
        return await PeerProcess.StartAsync("portkey", "node",
        [
            "--import", Path.Combine(portkeyDirectory, "preload.mjs"),
            Path.Combine(portkeyDirectory, "node_modules", "@portkey-ai", "gateway", "build", "start-server.js"),
            "--port=" + port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--headless",
        ], port, work);
    }
}

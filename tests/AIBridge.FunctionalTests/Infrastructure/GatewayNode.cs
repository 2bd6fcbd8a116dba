using System.Collections.Concurrent;
using System.Diagnostics;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>One AIBridge process of several on one database, as an operator runs them: its own port and instance id.</summary>
public sealed class GatewayNode : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string[] _settings;
    private Process _process;

    private GatewayNode(string instanceId, int port, string folder, string[] settings, Process process)
    {
        InstanceId = instanceId;
        Port = port;
        _folder = folder;
        _settings = settings;
        _process = process;
    }

    public string InstanceId { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>What the process wrote to its console, every run of it.</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <param name="settings"><c>NAME=value</c> environment settings; the node's instance id and address are added.</param>
    public static async Task<GatewayNode> StartAsync(string instanceId, IEnumerable<string> settings)
    {
        var folder = Directory.CreateTempSubdirectory("aibridge-node-").FullName;
        string[] all = [.. settings, $"AIBridge__InstanceId={instanceId}"];
        var node = new GatewayNode(instanceId, LoopbackPort.Free(), folder, all, null!);
        await node.RunAsync();
        return node;
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a crash or the OOM killer ends a process.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Starts the process again under the same instance id and port.</summary>
    public Task RestartAsync() => RunAsync();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task RunAsync()
    {
        _process = AIBridgeChild.Run(_folder, ["--urls", BaseAddress.ToString().TrimEnd('/')], _settings);
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var failure = await AIBridgeLauncher.WaitHealthyAsync(_process, BaseAddress, TimeSpan.FromSeconds(60));
        failure.Should().BeNull($"node {InstanceId} must start: {string.Join('\n', Lines.TakeLast(20))}");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            Lines.Enqueue(line);
        }
    }
}

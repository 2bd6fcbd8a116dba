using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AIBridge.Benchmarks.Peers;

/// <summary>A proxy G1 compares AIBridge with, in its own process on a loopback port.</summary>
public sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _workDir;

    private PeerProcess(string name, Process process, int port, string workDir)
    {
        Name = name;
        _process = process;
        _workDir = workDir;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string Name { get; }

    public string BaseUrl { get; }

    /// <summary>CPU time of the process and its children (nginx's workers, say).</summary>
    public TimeSpan CpuTime => ProcessTree.CpuTime(_process.Id);

    public static async Task<PeerProcess> StartAsync(string name, string fileName, IEnumerable<string> arguments, int port, string workDir)
    {
        var start = new ProcessStartInfo(fileName, arguments) { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[{name}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new PeerProcess(name, process, port, workDir);
        await peer.WaitListeningAsync(port);
        return peer;
    }

    private async Task WaitListeningAsync(int port)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (!_process.HasExited)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"{Name} is not listening on {port} (exited: {_process.HasExited})");
    }

    public ValueTask DisposeAsync() => ProcessTree.StopAsync(_process, _workDir);
}

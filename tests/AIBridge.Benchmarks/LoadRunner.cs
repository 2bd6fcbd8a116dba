using System.Diagnostics;
using System.Net;
using System.Text;

namespace AIBridge.Benchmarks;

/// <summary>One target of a run: where to send, and the headers that authenticate there.</summary>
public sealed record Target(string Name, string Url, IReadOnlyDictionary<string, string> Headers);

/// <summary>Latencies of one (target, concurrency) cell.</summary>
public sealed record Measurement(string Target, int Concurrency, double[] TtfbMs, double[] TotalMs, TimeSpan Wall, long Failures, double ClientCpuPercent)
{
    public double RequestsPerSecond => TotalMs.Length / Wall.TotalSeconds;
}

/// <summary>
/// Closed-loop load: <c>concurrency</c> workers each send their next request as soon as the last one
/// ended. Time to first byte is measured to the first body byte, not to the headers.
/// </summary>
public sealed class LoadRunner : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 4096,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
    })
    { Timeout = TimeSpan.FromMinutes(2) };

    private readonly byte[] _body;

    public LoadRunner(string body) => _body = Encoding.UTF8.GetBytes(body);

    public async Task<Measurement> RunAsync(Target target, int concurrency, int requests)
    {
        var ttfb = new double[requests];
        var total = new double[requests];
        var next = -1;
        long failures = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var buffer = new byte[16 * 1024];
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var (first, end, ok) = await SendAsync(target, buffer);
                ttfb[i] = first;
                total[i] = end;
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        wall.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / wall.Elapsed.TotalMilliseconds / Environment.ProcessorCount * 100;
        return new Measurement(target.Name, concurrency, ttfb, total, wall.Elapsed, failures, cpu);
    }

    private async Task<(double Ttfb, double Total, bool Ok)> SendAsync(Target target, byte[] buffer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(_body) };
        request.Content.Headers.ContentType = new("application/json");
        foreach (var (name, value) in target.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        double first = 0;
        while (await stream.ReadAsync(buffer) is var read and > 0)
        {
            if (first == 0)
            {
                first = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        return (first, Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.IsSuccessStatusCode);
    }

    public void Dispose() => _client.Dispose();
}

public static class Stats
{
    public static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = p / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}

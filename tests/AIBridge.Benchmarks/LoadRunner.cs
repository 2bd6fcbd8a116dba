using System.Diagnostics;
using System.Net;
using System.Text;

namespace AIBridge.Benchmarks;

/// <summary>One target of a run: where to send what, the headers that authenticate there, and the CPU time of the proxy, if any.</summary>
public sealed record Target(string Name, string Url, IReadOnlyDictionary<string, string> Headers, string Body, Func<TimeSpan>? Cpu = null)
{
    /// <summary>Encoded once: the load generator shares the cores with what it measures.</summary>
    public byte[] Payload { get; } = Encoding.UTF8.GetBytes(Body);
}

/// <summary>Latencies of one (target, concurrency) cell.</summary>
public sealed record Measurement(string Target, int Concurrency, double[] TtfbMs, double[] TotalMs, TimeSpan Wall, long Failures, double ClientCpuPercent)
{
    public double RequestsPerSecond => TotalMs.Length / Wall.TotalSeconds;

    public double Ttfb(double percentile) => Stats.Percentile(TtfbMs, percentile);

    public double Total(double percentile) => Stats.Percentile(TotalMs, percentile);

    /// <summary>Parts of one cell measured at different times, as one.</summary>
    public static Measurement Merge(IReadOnlyList<Measurement> parts) => new(
        parts[0].Target, parts[0].Concurrency,
        parts.SelectMany(p => p.TtfbMs).ToArray(), parts.SelectMany(p => p.TotalMs).ToArray(),
        parts.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Wall), parts.Sum(p => p.Failures),
        parts.Sum(p => p.ClientCpuPercent * p.Wall.TotalSeconds) / parts.Sum(p => p.Wall.TotalSeconds));
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

    /// <param name="ramp">Workers start evenly over this long rather than all at once.</param>
    public Task<Measurement> RunAsync(Target target, int concurrency, int requests, TimeSpan ramp = default)
    {
        var next = -1;
        return RunAsync(target, concurrency, _ => Interlocked.Increment(ref next) < requests, ramp);
    }

    /// <summary>The same closed loop for a while rather than for a number of requests (warm-ups).</summary>
    public Task<Measurement> RunAsync(Target target, int concurrency, TimeSpan duration) =>
        RunAsync(target, concurrency, wall => wall.Elapsed < duration);

    /// <param name="another">Asked before each request, with the run's clock: whether to send it.</param>
    private async Task<Measurement> RunAsync(Target target, int concurrency, Func<Stopwatch, bool> another, TimeSpan ramp = default)
    {
        long failures = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var perWorker = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            await Task.Delay(ramp * worker / concurrency);
            var buffer = new byte[16 * 1024];
            var done = new List<(double Ttfb, double Total)>();
            while (another(wall))
            {
                var (first, end, ok) = await SendAsync(target, buffer);
                done.Add((first, end));
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }

            return done;
        }));
        wall.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / wall.Elapsed.TotalMilliseconds / Environment.ProcessorCount * 100;
        var all = perWorker.SelectMany(w => w).ToArray();
        return new Measurement(target.Name, concurrency, all.Select(r => r.Ttfb).ToArray(), all.Select(r => r.Total).ToArray(), wall.Elapsed, failures, cpu);
    }

    private async Task<(double Ttfb, double Total, bool Ok)> SendAsync(Target target, byte[] buffer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(target.Payload) };
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

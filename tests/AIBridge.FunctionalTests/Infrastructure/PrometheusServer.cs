using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>A real Prometheus (Debian's <c>prometheus</c>) on loopback, scraping one target every second, queried through its HTTP API.</summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";

    private readonly Process _process;
    private readonly string _dir;
    private readonly HttpClient _http;

    private PrometheusServer(Process process, string dir, int port)
    {
        (_process, _dir) = (process, dir);
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    /// <param name="target">The scraped <c>host:port</c>.</param>
    public static async Task<PrometheusServer> StartAsync(string target, string metricsPath = "/metrics")
    {
        File.Exists(Binary).Should().BeTrue($"{Binary} is needed: install Debian's prometheus package (apt-get install -y prometheus)");
        var dir = Directory.CreateTempSubdirectory("aibridge-prometheus-").FullName;
        var config = Path.Combine(dir, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: aibridge
                metrics_path: {metricsPath}
                static_configs:
                  - targets: ["{target}"]
            """);
        var port = LoopbackPort.Free();
        var process = Process.Start(new ProcessStartInfo(Binary,
        [
            $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(dir, "data")}", $"--web.listen-address=127.0.0.1:{port}",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new PrometheusServer(process, dir, port);
        await server.WaitReadyAsync();
        return server;
    }

    /// <summary>Polls an instant query until its single series equals <paramref name="expected"/>; returns the last value seen.</summary>
    public async Task<double?> WaitForValueAsync(string query, double expected, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        double? value = null;
        while (clock.Elapsed < (timeout ?? TimeSpan.FromSeconds(30)))
        {
            value = await ValueAsync(query);
            if (value == expected)
            {
                return value;
            }

            await Task.Delay(250);
        }

        return value;
    }

    /// <summary>The sum of an instant query's series, or null when it has none.</summary>
    public async Task<double?> ValueAsync(string query)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString(query)));
        var result = document.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0
            ? null
            : result.EnumerateArray().Sum(series => double.Parse(series.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture));
    }

    /// <summary>How many series an instant query returns; a query Prometheus rejects fails the request.</summary>
    public async Task<int> SeriesCountAsync(string query)
    {
        using var response = await _http.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(query));
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"Prometheus should accept {query}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("data").GetProperty("result").GetArrayLength();
    }

    /// <summary>Label sets of the series a selector matches now.</summary>
    public async Task<IReadOnlyList<Dictionary<string, string>>> SeriesAsync(string selector)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString(selector)));
        return document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .Select(series => series.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task WaitReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            _process.HasExited.Should().BeFalse("prometheus should keep running");
            try
            {
                if ((await _http.GetAsync("/-/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("prometheus did not become ready in 30 s");
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Operations;

/// <summary><c>AIBridge:Metrics:Port</c>, in a process of its own: the scrape moves to a listener on that port, and the main port no longer serves it.</summary>
public sealed class MetricsPortTests
{
    [Fact]
    public async Task The_scrape_is_served_on_its_own_port_only()
    {
        var metricsPort = LoopbackPort.Free();
        var folder = Directory.CreateTempSubdirectory("aibridge-metrics-port-").FullName;
        using var process = AIBridgeChild.Start(folder, "Logging__Console__FormatterName=json", $"AIBridge__Metrics__Port={metricsPort}");
        var addresses = new ConcurrentQueue<string>();
        var bothListening = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && JsonDocument.Parse(line).RootElement.TryGetProperty("address", out var address))
            {
                addresses.Enqueue(address.GetString()!);
                if (addresses.Count == 2)
                {
                    bothListening.TrySetResult();
                }
            }
        };
        process.BeginOutputReadLine();
        try
        {
            await bothListening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var metricsAddress = $"http://127.0.0.1:{metricsPort}";
            addresses.Should().Contain(metricsAddress, "the metrics listener is on the main listener's host");
            using var http = new HttpClient();

            var scrape = await http.GetAsync(metricsAddress + "/metrics");
            scrape.StatusCode.Should().Be(HttpStatusCode.OK);
            (await scrape.Content.ReadAsStringAsync()).Should().Contain("aibridge_provider_info");
            var main = addresses.Single(a => a != metricsAddress);
            (await http.GetAsync(main + "/metrics")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await http.GetStringAsync(main + "/healthz")).Should().Be("Healthy");
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}

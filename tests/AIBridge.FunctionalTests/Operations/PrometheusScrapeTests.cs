using System.Net;
using System.Text.Json;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Operations;

/// <summary>
/// A real Prometheus scrapes AIBridge while Claude Code shaped traffic goes through the gateway; its
/// query API then shows the series with the values the usage roll-up recorded for the same requests.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class PrometheusScrapeTests
{
    /// <summary>A provider of this test's own: no other host in the test process labels a series with it.</summary>
    private const string Provider = "claude-metrics";

    private const int Requests = 3;

    [Fact]
    public async Task Prometheus_scrapes_the_gateway_series_with_the_recorded_values()
    {
        await using var host = await TemporaryHost.StartAsync(upstream =>
            [($"AIBridge:Providers:{Provider}:Type", "anthropic"), ($"AIBridge:Providers:{Provider}:BaseUrl", upstream)]);
        var owner = await host.Api.CreateOwnerAsync();
        var token = await host.Api.CreateTokenAsync(owner);
        host.Upstream.RespondWithEvents(ProviderFixtures.AnthropicStream);

        var address = host.Factory.ClientOptions.BaseAddress;
        await using var prometheus = await PrometheusServer.StartAsync($"{address.Host}:{address.Port}");
        using var client = host.Api.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", token);
        for (var i = 0; i < Requests; i++)
        {
            using var response = await client.PostAsync($"/api/v2/aibridge/{Provider}/v1/messages",
                new StringContent(ProviderFixtures.AnthropicRequest, System.Text.Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            await response.Content.ReadAsStringAsync();
        }

        using (var models = await client.GetAsync($"/api/v2/aibridge/{Provider}/v1/models"))
        {
            await models.Content.ReadAsStringAsync();
        }

        var recorded = await RecordedTotalsAsync(host, owner);
        var user = $"provider=\"{Provider}\",initiator_id=\"{owner.Id}\"";
        async Task Expect(string query, double expected) =>
            (await prometheus.WaitForValueAsync(query, expected)).Should().Be(expected, query);

        await Expect($"sum(aibridge_interceptions_total{{{user},status=\"completed\",route=\"/v1/messages\",method=\"POST\",model=\"claude-sonnet-4\"}})", Requests);
        await Expect($"sum(aibridge_prompts_total{{{user}}})", recorded.GetProperty("prompts").GetInt64());
        await Expect($"sum(aibridge_tokens_total{{{user},type=\"input\"}})", recorded.GetProperty("input_tokens").GetInt64());
        await Expect($"sum(aibridge_tokens_total{{{user},type=\"output\"}})", recorded.GetProperty("output_tokens").GetInt64());
        await Expect($"sum(aibridge_tokens_total{{{user},type=\"cache_read_input_tokens\"}})", recorded.GetProperty("cache_read_input_tokens").GetInt64());
        await Expect($"sum(aibridge_tokens_total{{{user},type=\"cache_write_input_tokens\"}})", recorded.GetProperty("cache_write_input_tokens").GetInt64());
        await Expect($"sum(aibridge_cost_micros_total{{{user}}})", recorded.GetProperty("cost_micros").GetInt64());
        await Expect($"sum(aibridge_non_injected_tool_selections_total{{provider=\"{Provider}\"}})", recorded.GetProperty("tool_calls").GetInt64());
        await Expect($"sum(aibridge_interceptions_ttfb_seconds_count{{provider=\"{Provider}\"}})", Requests);
        await Expect($"sum(aibridge_interceptions_duration_seconds_count{{provider=\"{Provider}\"}})", Requests);
        (await prometheus.SeriesAsync($"aibridge_interceptions_duration_seconds_bucket{{provider=\"{Provider}\"}}")).Select(s => s["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(s["le"], System.Globalization.CultureInfo.InvariantCulture))
            .Should().BeEquivalentTo([0.5, 2, 5, 15, 30, 60, 120, double.PositiveInfinity], "the buckets are Coder's");
        await Expect($"sum(aibridge_interceptions_inflight{{provider=\"{Provider}\"}})", 0);
        await Expect($"sum(aibridge_passthrough_total{{provider=\"{Provider}\",route=\"/v1/models\",method=\"GET\"}})", 1);
        await Expect($"aibridge_provider_info{{provider_name=\"{Provider}\",provider_type=\"anthropic\",status=\"no_key\"}}", 1);

        // The recorder's, the runtime's and ASP.NET Core's own meters come through the same scrape.
        (await prometheus.ValueAsync("sum(aibridge_recording_written_total)")).Should().BeGreaterThan(0);
        (await prometheus.ValueAsync("sum(http_server_request_duration_seconds_count)")).Should().BeGreaterThan(0);
        (await prometheus.ValueAsync("sum(dotnet_gc_heap_total_allocated_bytes_total)")).Should().BeGreaterThan(0);

        // Every query of the Grafana dashboard in docs/ runs, and those about this traffic find it.
        foreach (var query in DashboardQueries())
        {
            var concrete = query.Replace("$provider", Provider, StringComparison.Ordinal).Replace("$model", ".*", StringComparison.Ordinal)
                .Replace("$__rate_interval", "1m", StringComparison.Ordinal).Replace("$__range", "1h", StringComparison.Ordinal);
            var series = await prometheus.SeriesCountAsync(concrete);

            // A rate needs two scrapes of a series: a loaded machine may not have taken the second yet.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (series == 0 && !NoTrafficOfTheirOwn.Any(query.Contains) && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(250);
                series = await prometheus.SeriesCountAsync(concrete);
            }

            if (!NoTrafficOfTheirOwn.Any(query.Contains))
            {
                series.Should().BePositive(query);
            }
        }
    }

    /// <summary>Queries about refusals and failures, which this traffic has none of.</summary>
    private static readonly string[] NoTrafficOfTheirOwn = ["circuit_breaker", "rate_limited", "dropped", "status=\"failed\""];

    private static IEnumerable<string> DashboardQueries()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "docs", "grafana", "aibridge-dashboard.json")));
        return dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray().Select(target => target.GetProperty("expr").GetString()!))
            .ToList();
    }

    /// <summary>The usage roll-up's totals for the user, once the writer has stored every request.</summary>
    private static async Task<JsonElement> RecordedTotalsAsync(TemporaryHost host, TestUser owner)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var report = await host.Api.GetOkAsync(owner, "/api/v2/aibridge/usage?interval=none");
            var totals = report.GetProperty("totals");
            if (totals.GetProperty("interceptions").GetInt64() == Requests || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                totals.GetProperty("interceptions").GetInt64().Should().Be(Requests);
                totals.GetProperty("tool_calls").GetInt64().Should().BePositive();
                return totals.Clone();
            }

            await Task.Delay(50);
        }
    }
}

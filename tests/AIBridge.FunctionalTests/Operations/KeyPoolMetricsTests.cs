using System.Net;
using AIBridge.FunctionalTests.Infrastructure;
using AIBridge.FunctionalTests.Providers;
using Microsoft.AspNetCore.Http;

namespace AIBridge.FunctionalTests.Operations;

/// <summary>
/// A real Prometheus scrapes the key pools' and the stored providers' series after a failover; every log
/// line of the host, at every level, is free of the keys.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class KeyPoolMetricsTests
{
    [Fact]
    public async Task Prometheus_sees_the_failover_the_pool_states_and_every_providers_status()
    {
        var logs = new CapturedLogs();
        await using var host = await TemporaryHost.StartAsync(logs, ("Logging:LogLevel:Default", "Debug"));
        var owner = await host.Api.CreateOwnerAsync();
        var token = await host.Api.CreateTokenAsync(owner);
        var upstream = host.Upstream.BaseAddress.ToString().TrimEnd('/') + "/v1";
        await StoredProviderSetup.AddAsync(host.Api, owner, new
        {
            name = "pool-metrics", type = "openai", base_url = upstream,
            api_keys = new[] { new { api_key = "sk-metrics-limited-key-0001" }, new { api_key = "sk-metrics-good-key-0002" } },
        });
        await StoredProviderSetup.AddAsync(host.Api, owner, new { name = "off-metrics", type = "azure", base_url = upstream, enabled = false });
        host.Upstream.Respond(async context =>
        {
            if (context.Request.Headers.Authorization.ToString().EndsWith("0001", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 429;
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(ProviderFixtures.ChatCompletion);
        });
        using var client = host.Api.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", token);

        using var response = await client.PostAsync("/api/v2/aibridge/pool-metrics/v1/chat/completions",
            new StringContent("""{"model":"gpt-4.1","messages":[{"role":"user","content":"hi"}]}""", System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);

        var address = host.Factory.ClientOptions.BaseAddress;
        await using var prometheus = await PrometheusServer.StartAsync($"{address.Host}:{address.Port}");
        async Task Expect(string query, double expected) =>
            (await prometheus.WaitForValueAsync(query, expected)).Should().Be(expected, query);

        await Expect("sum(aibridge_key_pool_failovers_total{provider=\"pool-metrics\",reason=\"rate_limited\"})", 1);
        await Expect("aibridge_key_pool_state{provider=\"pool-metrics\",state=\"cooldown\"}", 1);
        await Expect("aibridge_key_pool_state{provider=\"pool-metrics\",state=\"valid\"}", 1);
        await Expect("aibridge_key_pool_state{provider=\"pool-metrics\",state=\"permanent\"}", 0);
        await Expect("aibridge_provider_info{provider_name=\"pool-metrics\",provider_type=\"openai\",status=\"ready\"}", 1);
        await Expect("aibridge_provider_info{provider_name=\"off-metrics\",provider_type=\"azure\",status=\"disabled\"}", 1);

        var lines = logs.Lines.Select(l => l.Message).ToList();
        lines.Should().Contain(l => l.Contains("got 429; trying the next key") && l.Contains("sk-m...0001"), "the failover is logged with the key's mask");
        lines.Should().Contain(l => l.StartsWith("Interception ", StringComparison.Ordinal) && l.Contains("hint=sk-m...0001"), "Information and Debug lines are kept")
            .And.NotContain(l => l.Contains("sk-metrics-limited-key-0001") || l.Contains("sk-metrics-good-key-0002"));
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>A provider's circuit breaker, through the gateway: opened by the provider's 529s, refusing without calling it, closed again by probes.</summary>
public sealed class CircuitBreakerTests
{
    private const string Overloaded = """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""";

    [Fact]
    public async Task Five_529s_open_it_the_sixth_request_gets_503_without_reaching_the_provider_and_probes_close_it_after_the_timeout()
    {
        await using var host = await TemporaryHost.StartAsync(settings:
        [
            ("AIBridge:Providers:anthropic:CircuitBreaker:Enabled", "true"), ("AIBridge:Providers:anthropic:CircuitBreaker:Timeout", "00:00:01"),
            ("AIBridge:Providers:anthropic:CircuitBreaker:MaxRequests", "2"),
        ]);
        var owner = await host.Api.CreateOwnerAsync();
        using var client = host.Api.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", await host.Api.CreateTokenAsync(owner));
        host.Upstream.RespondWithJson(Overloaded, 529);

        for (var i = 0; i < 5; i++)
        {
            (await SendAsync(client)).Status.Should().Be((HttpStatusCode)529, "the provider's answer is relayed while the breaker is closed");
        }

        var refused = await SendAsync(client);
        refused.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        refused.RetryAfter.Should().Be(TimeSpan.FromSeconds(1));
        refused.Body.GetProperty("type").GetString().Should().Be("error");
        refused.Body.GetProperty("error").GetProperty("type").GetString().Should().Be("overloaded_error");
        refused.Body.GetProperty("error").GetProperty("message").GetString().Should().Be("circuit breaker is open");
        host.Upstream.Requests.Should().HaveCount(5, "an open breaker does not call the provider");

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        host.Upstream.RespondWithEvents(ProviderFixtures.AnthropicStream);
        for (var i = 0; i < 3; i++)
        {
            (await SendAsync(client)).Status.Should().Be(HttpStatusCode.OK, "two half-open probes succeed and close it; the third finds it closed");
        }

        host.Upstream.Requests.Should().HaveCount(3, "probes and later requests reach the provider (its log starts again with each new answer)");
        var refusedRecord = await RecordedAsync(host, owner, refused.InterceptionId);
        refusedRecord.GetProperty("status_code").GetInt32().Should().Be(503);
        refusedRecord.GetProperty("error").GetProperty("type").GetString().Should().Be("circuit_breaker_open");
    }

    private static async Task<(HttpStatusCode Status, TimeSpan? RetryAfter, JsonElement Body, string InterceptionId)> SendAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/v2/aibridge/anthropic/v1/messages",
            new StringContent(ProviderFixtures.AnthropicRequest, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        var body = response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (response.StatusCode, response.Headers.RetryAfter?.Delta, body, response.Headers.GetValues("X-AIBridge-Interception-Id").Single());
    }

    /// <summary>The interception as the audit API shows it, once ended.</summary>
    private static async Task<JsonElement> RecordedAsync(TemporaryHost host, TestUser owner, string id)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var found = (await host.Api.GetOkAsync(owner, "/api/v2/aibridge/interceptions?limit=100")).GetProperty("results").EnumerateArray()
                .FirstOrDefault(i => i.GetProperty("id").GetString() == id && i.GetProperty("ended_at").ValueKind == JsonValueKind.String);
            if (found.ValueKind == JsonValueKind.Object || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                return found;
            }

            await Task.Delay(50);
        }
    }
}

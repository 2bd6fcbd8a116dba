using System.Net;
using System.Text;
using System.Text.Json;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Limits;

/// <summary>Concurrency limits: a request over the user's or the process's limit is refused at once, in the provider's format, without queueing.</summary>
public sealed class ConcurrencyLimitTests
{
    [Theory]
    [InlineData("AIBridge:Limits:MaxConcurrentPerUser", "too many concurrent requests: 1 per user")]
    [InlineData("AIBridge:Limits:MaxConcurrent", "AIBridge is serving its limit of 1 concurrent requests")]
    public async Task A_second_request_while_the_first_streams_gets_503_and_a_third_after_it_passes(string setting, string message)
    {
        await using var host = await TemporaryHost.StartAsync(settings: [(setting, "1")]);
        var owner = await host.Api.CreateOwnerAsync();
        using var client = host.Api.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", await host.Api.CreateTokenAsync(owner));
        var release = new TaskCompletionSource();
        host.Upstream.Respond(async context =>
        {
            await release.Task;
            await FakeUpstream.WriteEventsAsync(context, FakeUpstream.SplitEvents(ProviderFixtures.AnthropicStream).Select(Encoding.UTF8.GetBytes));
        });

        var first = SendAsync(client);
        while (host.Upstream.Requests.IsEmpty)
        {
            await Task.Delay(10);
        }

        using (var second = await SendAsync(client))
        {
            second.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            second.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
            var error = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
            (error.GetProperty("type").GetString(), error.GetProperty("message").GetString()).Should().Be(("overloaded_error", message));
        }

        release.SetResult();
        using (var done = await first)
        {
            done.StatusCode.Should().Be(HttpStatusCode.OK);
            await done.Content.ReadAsStringAsync();
        }

        using var third = await SendAsync(client);
        third.StatusCode.Should().Be(HttpStatusCode.OK, "the first request's place was given back when it ended");
        host.Upstream.Requests.Should().HaveCount(2);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client) =>
        client.PostAsync("/api/v2/aibridge/anthropic/v1/messages", new StringContent(ProviderFixtures.AnthropicRequest, Encoding.UTF8, "application/json"));
}

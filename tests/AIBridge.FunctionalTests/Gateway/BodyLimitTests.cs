using System.Net;
using System.Text;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>The configured body limit is the one that applies on provider routes, not Kestrel's own 30,000,000 bytes.</summary>
public sealed class BodyLimitTests
{
    [Fact]
    public async Task Bodies_between_kestrels_default_limit_and_the_configured_one_are_relayed()
    {
        await using var host = await TemporaryHost.StartAsync();
        var upstream = host.Upstream;
        upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
        var client = host.Api.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", await host.Api.CreateTokenAsync(await host.Api.CreateOwnerAsync()));
        var body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + new string('x', 31_000_000) + "\"}]}";

        foreach (var route in new[] { "v1/messages", "v1/messages/count_tokens" })
        {
            using var response = await client.PostAsync(new Uri(host.Factory.ClientOptions.BaseAddress, "/api/v2/aibridge/anthropic/" + route),
                new StringContent(body, Encoding.UTF8, "application/json"));

            response.StatusCode.Should().Be(HttpStatusCode.OK, route);
        }

        upstream.Requests.Select(r => r.Body.Length).Should().Equal(body.Length, body.Length);
    }
}

using System.Net;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Operations;

/// <summary>The gateway's two lines per interception, as operators read them.</summary>
public sealed class InterceptionLogLineTests
{
    [Fact]
    public async Task Interception_log_lines_name_the_user_by_id_and_username()
    {
        var logs = new CapturedLogs();
        await using var host = await TemporaryHost.StartAsync(logs, ("Logging:LogLevel:AIBridge.Web.Gateway", "Information"));
        host.Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
        var owner = await host.Api.CreateOwnerAsync("alice");
        var client = host.Api.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", await host.Api.CreateTokenAsync(owner));

        using var response = await client.PostAsync(new Uri(host.Factory.ClientOptions.BaseAddress, "/api/v2/aibridge/anthropic/v1/messages"),
            new StringContent("""{"model":"m","messages":[{"role":"user","content":"hi"}]}""", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await response.Content.ReadAsStringAsync();

        // The end is logged once the handler returns, which may be just after the client has the response.
        for (var i = 0; i < 100 && !logs.Lines.Any(l => l.Message.Contains(" ended: ", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(20);
        }

        logs.Lines.Should().Contain(l => l.Message.Contains(" started: ", StringComparison.Ordinal) && l.Message.Contains($"user={owner.Id} username=alice ", StringComparison.Ordinal));
        logs.Lines.Should().Contain(l => l.Message.Contains(" ended: ", StringComparison.Ordinal) && l.Message.Contains($"user={owner.Id} username=alice ", StringComparison.Ordinal));
    }
}

using System.Net;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Operations;

/// <summary>Credentials in query strings never reach a log line, at any level.</summary>
public sealed class LogRedactionTests
{
    [Fact]
    public async Task Query_string_tokens_are_redacted_in_every_log_line_even_at_debug()
    {
        var logs = new CapturedLogs();
        await using var host = await TemporaryHost.StartAsync(logs, ("Logging:LogLevel:Default", "Debug"), ("Logging:LogLevel:Microsoft.AspNetCore", "Debug"));
        var upstream = host.Upstream;
        upstream.RespondWithJson("{}");
        var token = await host.Api.CreateTokenAsync(await host.Api.CreateOwnerAsync());
        var client = host.Api.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", token);
        var providerSecret = "sk-provider-" + Guid.NewGuid().ToString("N");

        using (var me = await host.Api.Anonymous().GetAsync(new Uri(host.Factory.ClientOptions.BaseAddress, "/api/v2/users/me?coder_session_token=" + token)))
        {
            me.StatusCode.Should().Be(HttpStatusCode.OK, "the query token authenticates");
        }

        using (var models = await client.GetAsync(new Uri(host.Factory.ClientOptions.BaseAddress,
                   $"/api/v2/aibridge/anthropic/v1/models?limit=2&api_key={providerSecret}&Key={providerSecret}&x=1")))
        {
            models.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        upstream.Requests.Single().PathAndQuery.Should().Contain(providerSecret, "the query itself is forwarded as sent");
        var secret = token.Split('-')[1];
        logs.Lines.Should().NotContain(l => l.Message.Contains(secret, StringComparison.Ordinal) || l.Message.Contains(providerSecret, StringComparison.Ordinal));
        logs.Lines.Should().Contain(l => l.Message.Contains("coder_session_token=[REDACTED]", StringComparison.Ordinal), "the request log line is still written");
        logs.Lines.Should().Contain(l => l.Message.Contains("limit=2&api_key=[REDACTED]&Key=[REDACTED]&x=1", StringComparison.Ordinal));
    }
}

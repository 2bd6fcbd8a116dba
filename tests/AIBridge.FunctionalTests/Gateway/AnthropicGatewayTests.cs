using System.Net;
using System.Text;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Gateway;

public abstract class AnthropicGatewayTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    [Fact]
    public async Task Streams_verbatim_and_records_usage_tools_thinking_and_prompt()
    {
        Upstream.RespondWithEvents(ProviderFixtures.AnthropicStream);
        var client = Client();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("claude-cli/2.1.197");

        using var response = await client.PostAsync(Gateway("anthropic/v1/messages?beta=true"), Json(ProviderFixtures.AnthropicRequest));
        var received = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        response.Headers.GetValues("X-Accel-Buffering").Should().Equal("no");
        Encoding.UTF8.GetString(received).Should().Be(ProviderFixtures.AnthropicStream.Replace("\r\n", "\n").TrimEnd('\n') + "\n\n");

        var sent = Upstream.Requests.Should().ContainSingle().Subject;
        sent.PathAndQuery.Should().Be("/v1/messages?beta=true");
        sent.BodyText.Should().Be(ProviderFixtures.AnthropicRequest);
        sent.Header("X-Api-Key").Should().Be(DatabaseFixture.AnthropicKey);
        sent.Header("Authorization").Should().BeNull();
        sent.Header("anthropic-version").Should().Be("2023-06-01");
        sent.Header("User-Agent").Should().Be("claude-cli/2.1.197");

        var recorded = await RecordedAsync(InterceptionId(response));
        recorded.InitiatorId.Should().Be(Owner.Id);
        recorded.ApiKeyId.Should().Be(Token[..10]);
        (recorded.Provider, recorded.ProviderName, recorded.Model).Should().Be(("anthropic", "anthropic", "claude-sonnet-4"));
        recorded.Client.Should().Be("Claude Code");
        recorded.ClientSessionId.Should().Be("cc-session-1");
        recorded.SessionId.Should().Be("cc-session-1");
        System.Text.Json.JsonDocument.Parse(recorded.Metadata!).RootElement.GetProperty("request_user_agent").GetString().Should().Be("claude-cli/2.1.197");
        (recorded.CredentialKind, recorded.CredentialHint).Should().Be(("centralized", "sk-a...0001"));
        var usage = recorded.TokenUsages.Should().ContainSingle().Subject;
        (usage.ProviderResponseId, usage.InputTokens, usage.OutputTokens, usage.CacheReadInputTokens, usage.CacheWriteInputTokens)
            .Should().Be(("msg_stream_1", 101L, 20L, 50L, 10L));
        recorded.ToolUsages.Select(t => (t.ProviderToolCallId, t.Tool, t.Input)).Should().Equal(
            ("toolu_stream_a", "Bash", """{"command":"ls"}"""), ("toolu_stream_b", "Glob", "{}"));
        recorded.ModelThoughts.Should().ContainSingle().Which.Content.Should().Be("I should list them.");
        var prompt = recorded.UserPrompts.Should().ContainSingle().Subject;
        (prompt.Prompt, prompt.ProviderResponseId).Should().Be(("list the files", "msg_stream_1"));
    }

    [Fact]
    public async Task Blocking_call_is_relayed_with_its_headers_and_recorded()
    {
        Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage, 200, ("request-id", "req_123"), ("Set-Cookie", "a=b"));
        using var response = await Client("bearer").PostAsync(Gateway("anthropic/v1/messages"),
            Json("""{"model":"claude-haiku","max_tokens":5,"messages":[{"role":"user","content":"hi"}]}"""));

        (await response.Content.ReadAsStringAsync()).Should().Be(ProviderFixtures.AnthropicMessage);
        response.Headers.GetValues("request-id").Should().Equal("req_123");
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
        response.Content.Headers.ContentLength.Should().Be(Encoding.UTF8.GetByteCount(ProviderFixtures.AnthropicMessage));
        Upstream.Requests.Single().Header("Authorization").Should().BeNull();

        var recorded = await RecordedAsync(InterceptionId(response));
        recorded.Client.Should().Be("Unknown");
        recorded.SessionId.Should().Be(recorded.Id.ToString());
        recorded.TokenUsages.Single().Should().Match<Domain.Interceptions.TokenUsage>(u => u.InputTokens == 12 && u.OutputTokens == 6 && u.CacheReadInputTokens == 3);
        recorded.ToolUsages.Single().Input.Should().Be("""{"path":"a.cs"}""");
        recorded.UserPrompts.Single().Prompt.Should().Be("hi");
    }

    [Fact]
    public async Task Upstream_errors_are_relayed_verbatim_and_recorded_as_failed_with_their_prompt()
    {
        const string error = """{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: field required"}}""";
        Upstream.RespondWithJson(error, 400);

        using var response = await Client().PostAsync(Gateway("anthropic/v1/messages"), Json("""{"model":"m","messages":[{"role":"user","content":"hi"}]}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Be(error);
        var recorded = await RecordedAsync(InterceptionId(response));
        recorded.UserPrompts.Single().Prompt.Should().Be("hi", "an audit shows what was sent, answered or not");
        recorded.TokenUsages.Should().BeEmpty();
        (recorded.StatusCode, recorded.ErrorType, recorded.ErrorMessage).Should().Be((400, "upstream_error", "invalid_request_error: max_tokens: field required"));
    }

    [Theory]
    [InlineData(200, """{"id":"msg_trunc","content":[{"type":"text","te""")]
    [InlineData(529, """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""")]
    [InlineData(500, "upstream exploded, not JSON")]
    public async Task Malformed_and_5xx_upstream_bodies_are_relayed_verbatim(int status, string body)
    {
        Upstream.RespondWithJson(body, status);

        using var response = await Client().PostAsync(Gateway("anthropic/v1/messages"), Json("""{"model":"m","messages":[{"role":"user","content":"hi"}]}"""));

        ((int)response.StatusCode).Should().Be(status);
        (await response.Content.ReadAsStringAsync()).Should().Be(body);
        var recorded = await RecordedAsync(InterceptionId(response));
        recorded.TokenUsages.Should().BeEmpty();
    }

    [Fact]
    public async Task Mid_stream_errors_are_relayed_as_they_came()
    {
        Upstream.RespondWithEvents(ProviderFixtures.AnthropicOverloaded);

        using var response = await Client().PostAsync(Gateway("anthropic/v1/messages"), Json("""{"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("overloaded_error");
        var recorded = await RecordedAsync(InterceptionId(response));
        recorded.TokenUsages.Should().ContainSingle().Which.InputTokens.Should().Be(5);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AnthropicGatewayTests_Sqlite(SqliteFixture fixture) : AnthropicGatewayTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class AnthropicGatewayTests_Postgres(PostgresFixture fixture) : AnthropicGatewayTests(fixture);

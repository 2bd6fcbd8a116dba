using System.Net;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>Thread lineage across a tool loop, as the audit API shows it; and upstreams that fail before answering.</summary>
public abstract class ThreadAndFailureTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    [Fact]
    public async Task A_tool_loop_is_one_thread_of_one_session_in_the_audit_api()
    {
        // Request 1: the human prompt; the model calls two tools.
        Upstream.RespondWithEvents(ProviderFixtures.AnthropicStream);
        using var first = await Client().PostAsync(Gateway("anthropic/v1/messages"), Json("""{"model":"claude-sonnet-4","stream":true,"messages":[{"role":"user","content":"list the files"}]}"""));
        await first.Content.ReadAsStringAsync();
        var root = InterceptionId(first);

        // Request 2: the tool results, followed by a system entry as Claude Code sends them.
        Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
        using var second = await Client().PostAsync(Gateway("anthropic/v1/messages"), Json("""
            {"model":"claude-sonnet-4","messages":[{"role":"user","content":"list the files"},{"role":"assistant","content":[{"type":"tool_use","id":"toolu_stream_a","name":"Bash","input":{}}]},
             {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_stream_a","content":"a.cs"},{"type":"tool_result","tool_use_id":"toolu_stream_b","content":"b.cs"}]},{"role":"system","content":"reminder"}]}
            """));
        await second.Content.ReadAsStringAsync();
        var child = await RecordedAsync(InterceptionId(second));
        await RecordedAsync(root);

        (child.ThreadParentId, child.ThreadRootId, child.SessionId).Should().Be((root, root, root.ToString()));
        child.UserPrompts.Should().BeEmpty("a tool continuation is not a prompt");

        var session = await Api.GetOkAsync(Owner, $"/api/v2/aibridge/sessions/{root}");
        var thread = session.GetProperty("threads").EnumerateArray().Should().ContainSingle().Subject;
        thread.GetProperty("prompt").GetString().Should().Be("list the files");
        thread.GetProperty("agentic_actions").GetArrayLength().Should().Be(2);
        thread.GetProperty("token_usage").GetProperty("input_tokens").GetInt64().Should().Be(101 + 12);
        var sessions = await Api.GetOkAsync(Owner, "/api/v2/aibridge/sessions");
        sessions.GetProperty("count").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task An_unreachable_upstream_is_502_in_the_providers_format()
    {
        using var response = await Client().PostAsync(Gateway("dead/v1/messages"), Json("""{"model":"m","messages":[{"role":"user","content":"hi"}]}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"type":"error","error":{"type":"api_error","message":"upstream provider \"dead\" is unreachable"}}""");
        var recorded = await RecordedAsync(InterceptionId(response));
        recorded.ProviderName.Should().Be("dead");
        recorded.UserPrompts.Single().Prompt.Should().Be("hi");
        (recorded.StatusCode, recorded.ErrorType, recorded.ErrorMessage).Should().Be((502, "upstream_unreachable", "upstream provider \"dead\" is unreachable"));
    }

    [Fact]
    public async Task No_response_headers_in_time_is_504()
    {
        Upstream.Respond(async context => await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted));

        using var response = await Client("bearer").PostAsync(Gateway("openai/v1/chat/completions"), Json("""{"model":"m","messages":[]}"""));

        response.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            """{"error":{"message":"upstream provider \"openai\" did not respond in time","type":"server_error","code":"gateway_timeout"}}""");
        var recorded = await RecordedAsync(InterceptionId(response));
        (recorded.StatusCode, recorded.ErrorType).Should().Be((504, "timeout"));
    }

    [Theory]
    [InlineData("idle")]
    [InlineData("dropped")]
    public async Task A_stream_cut_short_upstream_aborts_the_client_connection_and_still_records(string how)
    {
        Upstream.Respond(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.Body.WriteAsync("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_cut\",\"usage\":{\"input_tokens\":4,\"output_tokens\":1}}}\n\n"u8.ToArray());
            await context.Response.Body.FlushAsync();
            if (how == "idle")
            {
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            }
            else
            {
                // Let the first event reach the gateway: an abort discards output still queued.
                await Task.Delay(300);
                context.Abort();
            }
        });

        using var request = new HttpRequestMessage(HttpMethod.Post, Gateway("anthropic/v1/messages")) { Content = Json("""{"model":"m","stream":true}""") };
        using var response = await Client().SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var read = async () => await response.Content.ReadAsStringAsync();

        // No clean end of stream: the SDK must see a failure, not a truncated success.
        await read.Should().ThrowAsync<HttpRequestException>();
        var recorded = await RecordedAsync(InterceptionId(response));
        recorded.TokenUsages.Should().ContainSingle().Which.InputTokens.Should().Be(4);
        (recorded.StatusCode, recorded.ErrorType).Should().Be((200, how == "idle" ? "timeout" : "upstream_disconnected"));
    }

    [Fact]
    public async Task A_completed_call_records_its_status_and_no_error()
    {
        Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);

        using var response = await Client().PostAsync(Gateway("anthropic/v1/messages"), Json("""{"model":"m","messages":[{"role":"user","content":"hi"}]}"""));

        var recorded = await RecordedAsync(InterceptionId(response));
        (recorded.StatusCode, recorded.ErrorType, recorded.ErrorMessage).Should().Be((200, (string?)null, (string?)null));
    }

    [Fact]
    public async Task An_error_event_after_the_stream_started_fails_the_interception_in_the_providers_words()
    {
        Upstream.RespondWithEvents("""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_e","usage":{"input_tokens":3,"output_tokens":1}}}

            event: error
            data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}

            """);

        using var response = await Client().PostAsync(Gateway("anthropic/v1/messages"), Json("""{"model":"m","stream":true,"messages":[{"role":"user","content":"go"}]}"""));
        await response.Content.ReadAsStringAsync();

        var recorded = await RecordedAsync(InterceptionId(response));
        (recorded.StatusCode, recorded.ErrorType, recorded.ErrorMessage).Should().Be((200, "upstream_error", "overloaded_error: Overloaded"));
        recorded.UserPrompts.Single().Prompt.Should().Be("go");
    }

    [Fact]
    public async Task Passthrough_to_an_unreachable_upstream_is_502_upstream_proxy_error()
    {
        using var response = await Client().GetAsync(Gateway("dead/v1/models"));

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync()).Should().Contain("upstream proxy error");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ThreadAndFailureTests_Sqlite(SqliteFixture fixture) : ThreadAndFailureTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class ThreadAndFailureTests_Postgres(PostgresFixture fixture) : ThreadAndFailureTests(fixture);

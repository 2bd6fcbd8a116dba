using System.Diagnostics;
using System.Net;
using System.Text;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Operations;

/// <summary>
/// Traces reach a real OTLP receiver: a streamed Claude Code tool loop continues the client's W3C trace,
/// each turn an <c>Intercept</c> span tree with the upstream call as HttpClient's child span, and the
/// attributes carry the values the audit API recorded for the same interception.
/// </summary>
/// <remarks>
/// The spans of every host in the test process reach the receiver (listeners are process-wide); each
/// test finds its own by the trace id its client sent. The export queue is made large enough for all of
/// them: at its default of 2,048 a busy suite can fill it, and the processor then drops spans.
/// </remarks>
public sealed class TracingTests
{
    private const string ToolResultTurn = """
        {"model":"claude-sonnet-4","max_tokens":1024,"stream":true,"metadata":{"user_id":"{\"device_id\":\"d1\",\"session_id\":\"cc-session-1\"}"},
         "messages":[{"role":"user","content":"list the files"},{"role":"assistant","content":[{"type":"tool_use","id":"toolu_stream_a","name":"Bash","input":{}}]},
          {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_stream_a","content":"a.cs"}]}]}
        """;

    [Fact]
    public async Task A_streamed_tool_loop_is_one_trace_of_Intercept_span_trees_with_the_recorded_values()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var host = await TemporaryHost.StartAsync(null,
            ("AIBridge:Tracing:Endpoint", receiver.HttpEndpoint.ToString()), ("AIBridge:Tracing:Protocol", "http/protobuf"), ("OTEL_BSP_SCHEDULE_DELAY", "100"),
            ("OTEL_BSP_MAX_QUEUE_SIZE", "262144"));
        var owner = await host.Api.CreateOwnerAsync();
        using var client = await ClientAsync(host, owner);
        host.Upstream.RespondWithEvents(ProviderFixtures.AnthropicStream);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        var turns = new List<(string ClientSpan, string InterceptionId)>();
        foreach (var body in new[] { ProviderFixtures.AnthropicRequest, ToolResultTurn })
        {
            var clientSpan = ActivitySpanId.CreateRandom().ToHexString();
            using var response = await PostAsync(client, body, traceId, clientSpan);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            await response.Content.ReadAsStringAsync();
            turns.Add((clientSpan, response.Headers.GetValues("X-AIBridge-Interception-Id").Single()));
        }

        var spans = await receiver.TraceAsync(traceId, s => turns.All(t => s.Any(x => x.Kind == ReceivedSpan.KindServer && x.ParentSpanId == t.ClientSpan)));
        foreach (var (clientSpan, id) in turns)
        {
            var recorded = await host.Api.EndedInterceptionAsync(owner, id);
            var usage = recorded.GetProperty("token_usages").EnumerateArray().ToList();

            // The client's context is continued: ASP.NET Core's span is the child of the client's, Intercept of it.
            var server = spans.Should().ContainSingle(s => s.Kind == ReceivedSpan.KindServer && s.ParentSpanId == clientSpan).Subject;
            var intercept = spans.Should().ContainSingle(s => s.Name == "Intercept" && s.ParentSpanId == server.SpanId).Subject;
            intercept.Scope.Should().Be("AIBridge.Gateway");
            intercept.Resource["service.name"].Should().Be("aibridge");
            intercept.Protocol.Should().Be("http/protobuf");
            intercept.Attributes.Should().Contain(new Dictionary<string, object>
            {
                ["interception_id"] = id,
                ["request_path"] = "/api/v2/aibridge/anthropic/v1/messages",
                ["user_id"] = owner.Id.ToString(),
                ["api_key_id"] = recorded.GetProperty("api_key_id").GetString()!,
                ["provider"] = "anthropic",
                ["model"] = "claude-sonnet-4",
                ["streaming"] = true,
                ["gen_ai.system"] = "anthropic",
                ["gen_ai.request.model"] = "claude-sonnet-4",
                ["gen_ai.usage.input_tokens"] = usage.Sum(u => u.GetProperty("input_tokens").GetInt64()),
                ["gen_ai.usage.output_tokens"] = usage.Sum(u => u.GetProperty("output_tokens").GetInt64()),
            });
            intercept.StatusCode.Should().NotBe(ReceivedSpan.StatusError);

            // The upstream call: Intercept.ProcessRequest > Intercept.ProcessRequest.Upstream > HttpClient's span.
            var processing = spans.Should().ContainSingle(s => s.Name == "Intercept.ProcessRequest" && s.ParentSpanId == intercept.SpanId).Subject;
            var upstream = spans.Should().ContainSingle(s => s.Name == "Intercept.ProcessRequest.Upstream" && s.ParentSpanId == processing.SpanId).Subject;
            var call = spans.Should().ContainSingle(s => s.ParentSpanId == upstream.SpanId).Subject;
            (call.Kind, call.Scope).Should().Be((ReceivedSpan.KindClient, "System.Net.Http"));
            call.Attributes["url.full"].Should().Be(host.Upstream.BaseAddress + "v1/messages");

            // A span per record handed to the recorder, each with the interception's attributes.
            var records = spans.Where(s => s.ParentSpanId == intercept.SpanId && s.Name.StartsWith("Intercept.Record", StringComparison.Ordinal)).ToList();
            records.Should().OnlyContain(r => (string)r.Attributes["interception_id"] == id && (string)r.Attributes["user_id"] == owner.Id.ToString());
            var promptSpans = recorded.GetProperty("user_prompts").GetArrayLength();
            records.Select(r => r.Name).Should().BeEquivalentTo(
                new[] { "Intercept.RecordInterception", "Intercept.RecordInterceptionEnded" }
                    .Concat(Enumerable.Repeat("Intercept.RecordPromptUsage", promptSpans))
                    .Concat(Enumerable.Repeat("Intercept.RecordTokenUsage", usage.Count))
                    .Concat(Enumerable.Repeat("Intercept.RecordToolUsage", recorded.GetProperty("tool_usages").GetArrayLength()))
                    .Append("Intercept.RecordModelThought"), "the answer thinks once");
            records.Where(r => r.Name == "Intercept.RecordToolUsage").Select(r => (string)r.Attributes["tool_name"]).Should()
                .BeEquivalentTo(recorded.GetProperty("tool_usages").EnumerateArray().Select(t => t.GetProperty("tool").GetString()));
        }

        turns.Select(t => spans.Single(s => s.Name == "Intercept" && (string)s.Attributes["interception_id"] == t.InterceptionId))
            .Should().HaveCount(2, "both turns of the loop are in the client's one trace");
        host.Upstream.Requests.Should().HaveCount(2).And.OnlyContain(r => r.Header("traceparent") == null && r.Header("tracestate") == null,
            "the trace context goes upstream only when AIBridge:Tracing:PropagateUpstream is set");
    }

    /// <summary>
    /// An agent's client that sends the trace context the test writes: HttpClient would otherwise replace it
    /// with one of its own, since the host's tracer listens to the whole test process.
    /// </summary>
    private static async Task<HttpClient> ClientAsync(TemporaryHost host, TestUser owner)
    {
        var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = host.Factory.ClientOptions.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", await host.Api.CreateTokenAsync(owner));
        return client;
    }

    /// <summary>A Messages request sent from inside the client's span <paramref name="clientSpan"/> of trace <paramref name="traceId"/>.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string traceId, string clientSpan, string? traceState = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/aibridge/anthropic/v1/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{clientSpan}-01");
        if (traceState is not null)
        {
            request.Headers.Add("tracestate", traceState);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Over_grpc_a_failed_call_is_an_error_span_and_the_context_goes_upstream_when_asked()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var host = await TemporaryHost.StartAsync(null,
            ("AIBridge:Tracing:Endpoint", receiver.GrpcEndpoint.ToString()), ("AIBridge:Tracing:PropagateUpstream", "true"), ("OTEL_BSP_SCHEDULE_DELAY", "100"),
            ("OTEL_BSP_MAX_QUEUE_SIZE", "262144"));
        var owner = await host.Api.CreateOwnerAsync();
        using var client = await ClientAsync(host, owner);
        host.Upstream.RespondWithJson("""{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""", 529);
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var clientSpan = ActivitySpanId.CreateRandom().ToHexString();

        using var response = await PostAsync(client, """{"model":"claude-sonnet-4","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}""",
            traceId, clientSpan, "vendor=client");
        ((int)response.StatusCode).Should().Be(529);

        var spans = await receiver.TraceAsync(traceId, s => s.Any(x => x.Kind == ReceivedSpan.KindServer && x.ParentSpanId == clientSpan));
        var intercept = spans.Should().ContainSingle(s => s.Name == "Intercept").Subject;
        intercept.Protocol.Should().Be("grpc");
        intercept.StatusCode.Should().Be(ReceivedSpan.StatusError);
        intercept.Attributes["error.type"].Should().Be("upstream_error");
        intercept.Attributes["streaming"].Should().Be(false);
        var call = spans.Should().ContainSingle(s => s.Kind == ReceivedSpan.KindClient).Subject;

        var sent = host.Upstream.Requests.Should().ContainSingle().Subject;
        sent.Header("traceparent").Should().Be($"00-{traceId}-{call.SpanId}-01", "the upstream sees AIBridge's span of the call, in the client's trace");
        sent.Header("tracestate").Should().Be("vendor=client");

        // Refused before anything is recorded or sent: the span still says so.
        var refusedTrace = ActivityTraceId.CreateRandom().ToHexString();
        using var refused = await PostAsync(client, "not json", refusedTrace, clientSpan);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var refusedSpans = await receiver.TraceAsync(refusedTrace, s => s.Any(x => x.Kind == ReceivedSpan.KindServer && x.ParentSpanId == clientSpan));
        var refusal = refusedSpans.Should().ContainSingle(s => s.Name == "Intercept").Subject;
        (refusal.StatusCode, refusal.Attributes["error.type"], refusal.Attributes["http.response.status_code"]).Should().Be((ReceivedSpan.StatusError, "refused", 400L));
        refusedSpans.Should().NotContain(s => s.Name.StartsWith("Intercept.", StringComparison.Ordinal), "nothing was recorded or sent");
    }
}

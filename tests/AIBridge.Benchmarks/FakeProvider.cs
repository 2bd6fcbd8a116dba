using System.Text;
using AIBridge.TestSupport;
using Microsoft.AspNetCore.Http;

namespace AIBridge.Benchmarks;

/// <summary>
/// A loopback provider that answers at once with a realistic stream: an Anthropic Messages stream of
/// about 40 events (and OpenAI Chat and Responses streams), each event written and flushed separately;
/// R1's requests ask for long answers ending in a tool call instead.
/// </summary>
public sealed class FakeProvider : IAsyncDisposable
{
    private readonly FakeUpstream _upstream = new(keepRequests: false);
    private readonly byte[][] _anthropic;

    /// <param name="pause">A wait between events: long-lived streams, as real providers send them.</param>
    public FakeProvider(int events, TimeSpan pause = default)
    {
        _anthropic = Events.Anthropic(events);
        var streams = new Dictionary<string, byte[][]>(StringComparer.Ordinal)
        {
            ["/v1/messages"] = _anthropic,
            ["/v1/chat/completions"] = Events.Chat(events),
            ["/v1/responses"] = Events.Responses(events),
        };
        var answers = new Dictionary<string, byte[][]>(StringComparer.Ordinal)
        {
            ["claude-code"] = AgentTurns.ClaudeCodeAnswer(LongAnswerTextDeltas, LongAnswerArgumentDeltas),
            ["codex"] = AgentTurns.CodexAnswer(LongAnswerTextDeltas, LongAnswerArgumentDeltas),
        };
        _upstream.Respond(context =>
            (answers.TryGetValue(context.Request.Headers[StreamKind.AnswerHeader].ToString(), out var stream)
             || streams.TryGetValue(context.Request.Path.Value ?? "", out stream)) && HttpMethods.IsPost(context.Request.Method)
                ? FakeUpstream.WriteEventsAsync(context, stream, pause)
                : NotFoundAsync(context));
    }

    /// <summary>R1's answers: a few hundred text deltas, then a tool call's arguments in pieces.</summary>
    private const int LongAnswerTextDeltas = 200;

    private const int LongAnswerArgumentDeltas = 30;

    public string BaseUrl => _upstream.BaseAddress.GetLeftPart(UriPartial.Authority);

    public int AnthropicBytes => _anthropic.Sum(e => e.Length);

    public Task StartAsync() => _upstream.StartAsync();

    public ValueTask DisposeAsync() => _upstream.DisposeAsync();

    private static Task NotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static class Events
    {
        public static byte[][] Anthropic(int count)
        {
            var list = new List<string>
            {
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_bench\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-bench\",\"content\":[],\"stop_reason\":null,\"usage\":{\"input_tokens\":1200,\"cache_read_input_tokens\":800,\"cache_creation_input_tokens\":0,\"output_tokens\":1}}}\n\n",
                "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n",
            };
            for (var i = 0; list.Count < count - 4; i++)
            {
                list.Add($"event: content_block_delta\ndata: {{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{{\"type\":\"text_delta\",\"text\":\"token {i} of a streamed answer \"}}}}\n\n");
            }

            list.Add("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
            list.Add("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":40}}\n\n");
            list.Add("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
            return list.Select(Encoding.UTF8.GetBytes).ToArray();
        }

        public static byte[][] Chat(int count)
        {
            var list = new List<string>();
            for (var i = 0; list.Count < count - 3; i++)
            {
                list.Add($"data: {{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"token {i} \"}},\"finish_reason\":null}}],\"usage\":null}}\n\n");
            }

            list.Add("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}\n\n");
            list.Add("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":40,\"prompt_tokens_details\":{\"cached_tokens\":800}}}\n\n");
            list.Add("data: [DONE]\n\n");
            return list.Select(Encoding.UTF8.GetBytes).ToArray();
        }

        public static byte[][] Responses(int count)
        {
            var list = new List<string>
            {
                "event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_bench\",\"status\":\"in_progress\",\"output\":[]}}\n\n",
            };
            for (var i = 1; list.Count < count - 1; i++)
            {
                list.Add($"event: response.output_text.delta\ndata: {{\"type\":\"response.output_text.delta\",\"sequence_number\":{i},\"item_id\":\"msg_bench\",\"output_index\":0,\"content_index\":0,\"delta\":\"token {i} \"}}\n\n");
            }

            list.Add($"event: response.completed\ndata: {{\"type\":\"response.completed\",\"sequence_number\":{count},\"response\":{{\"id\":\"resp_bench\",\"status\":\"completed\",\"output\":[],\"usage\":{{\"input_tokens\":1200,\"input_tokens_details\":{{\"cached_tokens\":800}},\"output_tokens\":40,\"total_tokens\":1240}}}}}}\n\n");
            return list.Select(Encoding.UTF8.GetBytes).ToArray();
        }
    }
}

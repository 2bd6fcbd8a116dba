using System.Text;
using AIBridge.Application.Gateway.Parsing;

namespace AIBridge.UnitTests.Gateway;

public sealed class ResponseTapTests
{
    /// <summary>An Anthropic stream with a tool call between thousands of text deltas: far more than one wake-up's worth.</summary>
    private static byte[] LongAnthropicStream(int textDeltas)
    {
        var sse = new StringBuilder();
        sse.Append("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_long\",\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}\n\n");
        sse.Append("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        for (var i = 0; i < textDeltas; i++)
        {
            sse.Append($"event: content_block_delta\ndata: {{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{{\"type\":\"text_delta\",\"text\":\"word {i} \"}}}}\n\n");
        }

        sse.Append("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
        sse.Append("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_9\",\"name\":\"Bash\",\"input\":{}}}\n\n");
        sse.Append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"cmd\\\":\"}}\n\n");
        sse.Append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"ls\\\"}\"}}\n\n");
        sse.Append("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":1}\n\n");
        sse.Append("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{},\"usage\":{\"output_tokens\":4000}}\n\n");
        sse.Append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        return Encoding.UTF8.GetBytes(sse.ToString());
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1500)]
    public async Task A_stream_longer_than_a_wake_up_is_parsed_whole_in_any_chunking(int chunkSize)
    {
        var stream = LongAnthropicStream(4000);
        stream.Length.Should().BeGreaterThan(4 * ResponseTap.WakeBytes);
        var sink = new CollectingSink();
        using var tap = new ResponseTap(new AnthropicParser(sink), eventStream: true);

        for (var at = 0; at < stream.Length; at += chunkSize)
        {
            tap.Write(stream.AsSpan(at, Math.Min(chunkSize, stream.Length - at)));
        }

        await tap.CompleteAsync();

        tap.Abandoned.Should().BeFalse();
        sink.Calls.Should().Equal(new ParsedToolCall("msg_long", "toolu_9", null, "Bash", """{"cmd":"ls"}"""));
        sink.Usages.Should().ContainSingle().Which.Output.Should().Be(4000);
    }

    [Fact]
    public async Task A_slow_stream_reports_a_finished_tool_call_before_it_ends()
    {
        var sink = new CollectingSink();
        using var tap = new ResponseTap(new AnthropicParser(sink), eventStream: true);
        tap.Write("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_slow\",\"usage\":{\"input_tokens\":1}}}\n\n"u8);
        tap.Write("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_s\",\"name\":\"Read\",\"input\":{}}}\n\n"u8);
        tap.Write("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"u8);

        await Task.Delay(ResponseTap.WakeAfter + TimeSpan.FromMilliseconds(100));
        tap.Write("event: ping\ndata: {\"type\":\"ping\"}\n\n"u8);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (sink.Calls.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(10);
        }

        sink.Calls.Should().ContainSingle().Which.CallId.Should().Be("toolu_s");
        await tap.CompleteAsync();
        sink.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task A_body_over_the_bound_is_abandoned_and_reports_nothing()
    {
        var sink = new CollectingSink();
        using var tap = new ResponseTap(new ChatParser(sink), eventStream: false);
        var chunk = new byte[1024 * 1024];

        tap.Write("""{"id":"c","usage":{"prompt_tokens":1,"completion_tokens":1},"pad":" """u8);
        for (var i = 0; i < 9; i++)
        {
            tap.Write(chunk);
        }

        await tap.CompleteAsync();

        tap.Abandoned.Should().BeTrue();
        sink.Usages.Should().BeEmpty();
    }

    [Fact]
    public async Task A_body_is_parsed_once_complete()
    {
        var sink = new CollectingSink();
        using var tap = new ResponseTap(new ChatParser(sink), eventStream: false);
        var body = """{"id":"c1","choices":[],"usage":{"prompt_tokens":10,"completion_tokens":2}}"""u8.ToArray();

        tap.Write(body.AsSpan(0, 20));
        tap.Write(body.AsSpan(20));
        await tap.CompleteAsync();

        sink.Usages.Should().ContainSingle().Which.Input.Should().Be(10);
    }
}

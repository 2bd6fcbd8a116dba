using System.Text;
using System.Text.Json;
using AIBridge.Application.Gateway.Bedrock;

namespace AIBridge.UnitTests.Bedrock;

public sealed class BedrockEventStreamTests
{
    private static byte[] Chunk(string anthropicEvent) => EventStreamFrame.Write(
        [(":event-type", "chunk"), (":content-type", "application/json"), (":message-type", "event")],
        JsonSerializer.SerializeToUtf8Bytes(new { bytes = Convert.ToBase64String(Encoding.UTF8.GetBytes(anthropicEvent)) }));

    /// <summary>A stream that gives at most <paramref name="size"/> bytes per read, as a network does.</summary>
    private sealed class Trickle(byte[] bytes, int size) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(size, buffer.Length)], cancellationToken);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100000)]
    public async Task Chunks_read_in_any_pieces_become_anthropics_events(int piece)
    {
        var start = """{"type":"message_start","message":{"id":"msg_1","model":"claude"}}""";
        var delta = """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"héllo"}}""";
        var bytes = Chunk(start).Concat(Chunk(delta)).ToArray();

        using var reader = new StreamReader(new BedrockEventStream(new Trickle(bytes, piece)));
        var sse = await reader.ReadToEndAsync();

        sse.Should().Be($"event: message_start\ndata: {start}\n\nevent: content_block_delta\ndata: {delta}\n\n");
    }

    [Fact]
    public async Task An_exception_frame_becomes_an_anthropic_error_event()
    {
        var frame = EventStreamFrame.Write([(":message-type", "exception"), (":exception-type", "throttlingException")],
            """{"message":"Too many tokens, please wait before trying again."}"""u8);

        using var reader = new StreamReader(new BedrockEventStream(new MemoryStream(frame)));

        (await reader.ReadToEndAsync()).Should().Be(
            "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Too many tokens, please wait before trying again.\"}}\n\n");
    }

    [Fact]
    public async Task A_damaged_or_cut_stream_fails_the_read()
    {
        var frame = Chunk("""{"type":"ping"}""");
        var damaged = frame.ToArray();
        damaged[20] ^= 0x40;

        var corrupt = () => new StreamReader(new BedrockEventStream(new MemoryStream(damaged))).ReadToEndAsync();
        (await corrupt.Should().ThrowAsync<IOException>()).Which.Message.Should().Contain("checksum mismatch");
        var cut = () => new StreamReader(new BedrockEventStream(new MemoryStream(frame[..^3]))).ReadToEndAsync();
        (await cut.Should().ThrowAsync<IOException>()).Which.Message.Should().Be("the Bedrock event stream ended inside a frame");
    }

    [Fact]
    public void Frames_read_back_as_written()
    {
        var frame = EventStreamFrame.Write([("a", "1"), (":event-type", "chunk")], "payload"u8);

        EventStreamFrame.Length(frame).Should().Be(frame.Length);
        EventStreamFrame.Length(frame.AsSpan(0, 11)).Should().BeNull();
        var read = EventStreamFrame.Read(frame);
        read.Headers.Should().BeEquivalentTo(new Dictionary<string, string> { ["a"] = "1", [":event-type"] = "chunk" });
        Encoding.UTF8.GetString(read.Payload.Span).Should().Be("payload");
    }
}

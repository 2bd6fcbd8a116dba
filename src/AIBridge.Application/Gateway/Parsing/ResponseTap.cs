using System.Buffers;
using System.Threading.Channels;

namespace AIBridge.Application.Gateway.Parsing;

/// <summary>
/// The hand-off from the relay to the recording parser (bridge spec §8.1): the relay copies each chunk
/// in and moves on; a background task parses. Past <see cref="MaxBytes"/> in flight, parsing of this
/// response is abandoned and the relay carries on; the relay never waits for the parser.
/// </summary>
public sealed class ResponseTap
{
    public const int MaxBytes = 8 * 1024 * 1024;

    private readonly Channel<(byte[] Buffer, int Length)> _chunks =
        Channel.CreateUnbounded<(byte[], int)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly ResponseParser _parser;
    private readonly bool _eventStream;
    private readonly Task _parsing;
    private long _pendingBytes;
    private volatile bool _abandoned;

    /// <param name="eventStream">Parse as server-sent events; otherwise as one JSON body once complete.</param>
    public ResponseTap(ResponseParser parser, bool eventStream)
    {
        _parser = parser;
        _eventStream = eventStream;
        _parsing = Task.Run(ParseAsync);
    }

    /// <summary>True once parsing was given up because the parser fell too far behind (or the body was too large).</summary>
    public bool Abandoned => _abandoned;

    public void Write(ReadOnlySpan<byte> chunk)
    {
        if (_abandoned || chunk.IsEmpty)
        {
            return;
        }

        if (Interlocked.Add(ref _pendingBytes, chunk.Length) > MaxBytes)
        {
            _abandoned = true;
            _chunks.Writer.TryComplete();
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(chunk.Length);
        chunk.CopyTo(buffer);
        _chunks.Writer.TryWrite((buffer, chunk.Length));
    }

    /// <summary>Ends the response: waits for the parser to catch up and report what is pending.</summary>
    public async Task CompleteAsync()
    {
        _chunks.Writer.TryComplete();
        await _parsing;
    }

    private async Task ParseAsync()
    {
        var sse = _eventStream ? new SseReader((name, data) => _parser.OnEvent(name, data.Span)) : null;
        var body = _eventStream ? null : new ArrayBufferWriter<byte>();
        await foreach (var (buffer, length) in _chunks.Reader.ReadAllAsync())
        {
            try
            {
                if (!_abandoned)
                {
                    sse?.Feed(buffer.AsSpan(0, length));
                    body?.Write(buffer.AsSpan(0, length));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
                if (sse is not null)
                {
                    // A blocking body stays counted: it is held until complete, within the same bound.
                    Interlocked.Add(ref _pendingBytes, -length);
                }
            }
        }

        if (_abandoned)
        {
            return;
        }

        sse?.Complete();
        if (body is not null)
        {
            _parser.OnBody(body.WrittenSpan);
        }

        _parser.Complete();
    }
}

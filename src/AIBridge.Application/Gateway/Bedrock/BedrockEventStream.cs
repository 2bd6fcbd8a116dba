using System.Buffers;
using System.Text;
using System.Text.Json;

namespace AIBridge.Application.Gateway.Bedrock;

/// <summary>
/// Reads Bedrock's binary event stream and gives Anthropic's server-sent events: each <c>chunk</c> event's
/// base64 <c>bytes</c> are one Anthropic event, written as <c>event: &lt;type&gt;</c> and <c>data:</c>; an
/// exception becomes Anthropic's <c>error</c> event. Forward only, one frame at a time: the stream is never
/// held whole.
/// </summary>
public sealed class BedrockEventStream(Stream inner) : Stream
{
    private byte[] _input = ArrayPool<byte>.Shared.Rent(16 * 1024);
    private int _inputLength;
    private byte[] _output = [];
    private int _outputOffset;
    private bool _innerEnded;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_outputOffset == _output.Length)
        {
            if (Next() is { } next)
            {
                (_output, _outputOffset) = (next, 0);
                continue;
            }

            if (_innerEnded)
            {
                return _inputLength == 0 ? 0 : throw new IOException("the Bedrock event stream ended inside a frame");
            }

            if (_inputLength == _input.Length)
            {
                Grow();
            }

            var read = await inner.ReadAsync(_input.AsMemory(_inputLength), cancellationToken);
            _inputLength += read;
            _innerEnded = read == 0;
        }

        var count = Math.Min(buffer.Length, _output.Length - _outputOffset);
        _output.AsSpan(_outputOffset, count).CopyTo(buffer.Span);
        _outputOffset += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>The next event, or null until its frame has all arrived; a damaged frame breaks the stream as a failed read would.</summary>
    private byte[]? Next()
    {
        try
        {
            return TryTakeFrame() is { } frame ? ToEvent(EventStreamFrame.Read(frame)) : null;
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or FormatException)
        {
            throw new IOException($"the Bedrock event stream is damaged: {e.Message}", e);
        }
    }

    /// <summary>The next whole frame, taken out of the input; null until it has all arrived.</summary>
    private byte[]? TryTakeFrame()
    {
        var length = EventStreamFrame.Length(_input.AsSpan(0, _inputLength));
        if (length is not { } total || _inputLength < total)
        {
            if (length is { } needed && needed > _input.Length)
            {
                Grow(needed);
            }

            return null;
        }

        var frame = _input.AsSpan(0, total).ToArray();
        _input.AsSpan(total, _inputLength - total).CopyTo(_input);
        _inputLength -= total;
        return frame;
    }

    private void Grow(int? atLeast = null)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(atLeast ?? 0, _input.Length * 2));
        _input.AsSpan(0, _inputLength).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_input);
        _input = larger;
    }

    /// <summary>The server-sent event one frame stands for.</summary>
    public static byte[] ToEvent(EventStreamFrame frame)
    {
        var messageType = frame.Headers.GetValueOrDefault(":message-type") ?? "event";
        if (messageType == "event")
        {
            using var chunk = JsonDocument.Parse(frame.Payload);
            var bytes = chunk.RootElement.TryGetProperty("bytes", out var encoded) && encoded.ValueKind == JsonValueKind.String ? encoded.GetBytesFromBase64() : [];
            using var anthropic = JsonDocument.Parse(bytes);
            var type = anthropic.RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "message";
            return Sse(type!, bytes);
        }

        var exception = frame.Headers.GetValueOrDefault(":exception-type") ?? frame.Headers.GetValueOrDefault(":error-code") ?? "internalServerException";
        var message = Message(frame.Payload) ?? frame.Headers.GetValueOrDefault(":error-message") ?? exception;
        var error = JsonSerializer.SerializeToUtf8Bytes(new { type = "error", error = new { type = ErrorType(exception), message } });
        return Sse("error", error);
    }

    private static byte[] Sse(string type, ReadOnlySpan<byte> data)
    {
        var head = Encoding.UTF8.GetBytes($"event: {type}\ndata: ");
        var bytes = new byte[head.Length + data.Length + 2];
        head.CopyTo(bytes, 0);
        data.CopyTo(bytes.AsSpan(head.Length));
        bytes[^2] = (byte)'\n';
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    private static string? Message(ReadOnlyMemory<byte> payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var m)
                && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Bedrock's exceptions as the Anthropic error types SDKs know.</summary>
    private static string ErrorType(string exception) => exception switch
    {
        "throttlingException" => "rate_limit_error",
        "validationException" => "invalid_request_error",
        "serviceUnavailableException" => "overloaded_error",
        "modelTimeoutException" => "timeout_error",
        _ => "api_error",
    };

    protected override void Dispose(bool disposing)
    {
        if (disposing && _input.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_input);
            _input = [];
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

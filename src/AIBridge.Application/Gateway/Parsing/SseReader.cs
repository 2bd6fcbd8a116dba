using System.Buffers;
using System.Text;

namespace AIBridge.Application.Gateway.Parsing;

/// <summary>
/// Splits a server-sent event stream into events as bytes arrive, in any chunking (bridge spec §8.1):
/// lines end in <c>\n</c> or <c>\r\n</c>; <c>event:</c> and <c>data:</c> fields; multi-line data joined
/// with <c>\n</c>; comments ignored; a blank line dispatches the event.
/// </summary>
public sealed class SseReader(Action<string?, ReadOnlyMemory<byte>> onEvent)
{
    private readonly ArrayBufferWriter<byte> _line = new();
    private readonly ArrayBufferWriter<byte> _data = new();
    private string? _event;
    private string? _lastEvent;
    private bool _hasData;

    public void Feed(ReadOnlySpan<byte> chunk)
    {
        while (!chunk.IsEmpty)
        {
            var newline = chunk.IndexOf((byte)'\n');
            if (newline < 0)
            {
                _line.Write(chunk);
                return;
            }

            _line.Write(chunk[..newline]);
            chunk = chunk[(newline + 1)..];
            var line = _line.WrittenSpan;
            if (!line.IsEmpty && line[^1] == '\r')
            {
                line = line[..^1];
            }

            OnLine(line);
            _line.ResetWrittenCount();
        }
    }

    /// <summary>The stream ended: an event not yet closed by a blank line is dispatched anyway.</summary>
    public void Complete()
    {
        if (_line.WrittenCount > 0)
        {
            OnLine(_line.WrittenSpan);
            _line.ResetWrittenCount();
        }

        Dispatch();
    }

    private void OnLine(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            Dispatch();
            return;
        }

        if (line[0] == ':')
        {
            return;
        }

        var colon = line.IndexOf((byte)':');
        var field = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? [] : line[(colon + 1)..];
        if (!value.IsEmpty && value[0] == ' ')
        {
            value = value[1..];
        }

        if (field.SequenceEqual("data"u8))
        {
            if (_hasData)
            {
                _data.Write("\n"u8);
            }

            _data.Write(value);
            _hasData = true;
        }
        else if (field.SequenceEqual("event"u8))
        {
            // Streams repeat a few names: reuse the last one rather than allocate it again.
            _event = _lastEvent is not null && Ascii.Equals(value, _lastEvent)
                ? _lastEvent
                : _lastEvent = Encoding.UTF8.GetString(value);
        }
    }

    private void Dispatch()
    {
        if (_hasData)
        {
            onEvent(_event, _data.WrittenMemory);
        }

        _event = null;
        _hasData = false;
        _data.ResetWrittenCount();
    }
}

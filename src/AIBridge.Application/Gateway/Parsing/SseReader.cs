using System.Text;
using AIBridge.Application.Common.Buffers;

namespace AIBridge.Application.Gateway.Parsing;

/// <summary>
/// Splits a server-sent event stream into events as bytes arrive, in any chunking:
/// lines end in <c>\n</c> or <c>\r\n</c>; <c>event:</c> and <c>data:</c> fields; multi-line data joined
/// with <c>\n</c>; comments ignored; a blank line dispatches the event. Its buffers are pooled: one
/// reader per streamed response.
/// </summary>
public sealed class SseReader(SseReader.EventHandler onEvent) : IDisposable
{
    /// <summary>The providers' event names (Anthropic Messages, OpenAI Responses), each allocated once.</summary>
    private static readonly string[] KnownNames =
    [
        "message_start", "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop", "ping", "error",
        "response.created", "response.in_progress", "response.output_item.added", "response.output_item.done", "response.content_part.added",
        "response.content_part.done", "response.output_text.delta", "response.output_text.done", "response.function_call_arguments.delta",
        "response.function_call_arguments.done", "response.reasoning_summary_part.added", "response.reasoning_summary_part.done",
        "response.reasoning_summary_text.delta", "response.reasoning_summary_text.done", "response.completed", "response.incomplete",
        "response.failed",
    ];

    private readonly PooledBuffer _line = new();
    private readonly PooledBuffer _data = new();
    private string? _event;
    private string? _lastEvent;
    private bool _hasData;

    /// <summary>One event: its name (null if none was given) and its data, valid only during the call.</summary>
    public delegate void EventHandler(string? eventName, ReadOnlySpan<byte> data);

    public void Feed(ReadOnlySpan<byte> chunk)
    {
        while (!chunk.IsEmpty)
        {
            var newline = chunk.IndexOf((byte)'\n');
            if (newline < 0)
            {
                _line.Append(chunk);
                return;
            }

            _line.Append(chunk[..newline]);
            chunk = chunk[(newline + 1)..];
            var line = _line.Written;
            if (!line.IsEmpty && line[^1] == '\r')
            {
                line = line[..^1];
            }

            OnLine(line);
            _line.Clear();
        }
    }

    /// <summary>The stream ended: an event not yet closed by a blank line is dispatched anyway.</summary>
    public void Complete()
    {
        if (_line.Length > 0)
        {
            OnLine(_line.Written);
            _line.Clear();
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
                _data.Append("\n"u8);
            }

            _data.Append(value);
            _hasData = true;
        }
        else if (field.SequenceEqual("event"u8))
        {
            // Streams repeat a few names: reuse the last one or a known one rather than allocate it again.
            _event = _lastEvent is not null && Ascii.Equals(value, _lastEvent)
                ? _lastEvent
                : _lastEvent = Known(value) ?? Encoding.UTF8.GetString(value);
        }
    }

    private static string? Known(ReadOnlySpan<byte> name)
    {
        foreach (var known in KnownNames)
        {
            if (Ascii.Equals(name, known))
            {
                return known;
            }
        }

        return null;
    }

    private void Dispatch()
    {
        if (_hasData)
        {
            onEvent(_event, _data.Written);
        }

        _event = null;
        _hasData = false;
        _data.Clear();
    }

    public void Dispose()
    {
        _line.Dispose();
        _data.Dispose();
    }
}

using System.Diagnostics;
using AIBridge.Application.Common.Buffers;

namespace AIBridge.Application.Gateway.Parsing;

/// <summary>
/// The hand-off from the relay to the recording parser: the relay copies each chunk
/// in and moves on. Chunks gather in a pooled buffer; once <see cref="WakeBytes"/> are waiting, or a
/// chunk arrives when the oldest has waited <see cref="WakeAfter"/> (a long, slow stream still records
/// its tool calls as it goes), a pool thread parses them, and whatever is left is parsed when the
/// response ends. Waking a parser for every chunk cost a thread-pool hop per event, on the cores the
/// relay needs. Past <see cref="MaxBytes"/> waiting, parsing of this response is abandoned and the
/// relay carries on: it never waits for the parser.
/// </summary>
public sealed class ResponseTap : IDisposable
{
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>Waiting bytes that start a parse before the response ends; most streams end sooner.</summary>
    public const int WakeBytes = 32 * 1024;

    /// <summary>How long a chunk may wait for the parser while more keep arriving.</summary>
    public static readonly TimeSpan WakeAfter = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly ResponseParser _parser;
    private readonly SseReader? _sse;
    private readonly Action? _bodyEnded;
    // The relay appends to one buffer while the parser reads the other; they swap under the lock.
    private PooledBuffer _waiting = new();
    private PooledBuffer _parsed = new();
    private long _waitingSince;
    private Task _parsing = Task.CompletedTask;
    private bool _abandoned;

    /// <param name="eventStream">Parse as server-sent events; otherwise as one JSON body once complete.</param>
    /// <param name="bodyEnded">Called by <see cref="BodyEnded"/>.</param>
    public ResponseTap(ResponseParser parser, bool eventStream, Action? bodyEnded = null)
    {
        _parser = parser;
        _bodyEnded = bodyEnded;
        _sse = eventStream ? new SseReader(_parser.OnEvent) : null;
    }

    /// <summary>True once parsing was given up because the parser fell too far behind (or the body was too large).</summary>
    public bool Abandoned
    {
        get
        {
            lock (_gate)
            {
                return _abandoned;
            }
        }
    }

    public void Write(ReadOnlySpan<byte> chunk)
    {
        lock (_gate)
        {
            if (_abandoned || chunk.IsEmpty)
            {
                return;
            }

            if ((long)_waiting.Length + chunk.Length > MaxBytes)
            {
                _abandoned = true;
                _waiting.Dispose();
                return;
            }

            if (_waiting.Length == 0)
            {
                _waitingSince = Stopwatch.GetTimestamp();
            }

            _waiting.Append(chunk);
            // A body that is not a stream is parsed whole, at the end.
            if (_sse is not null && _parsing.IsCompleted && (_waiting.Length >= WakeBytes || Stopwatch.GetElapsedTime(_waitingSince) >= WakeAfter))
            {
                _parsing = Task.Run(ParseWaiting);
            }
        }
    }

    /// <summary>
    /// The relay read the whole body and is about to complete the client's response, before the last
    /// bytes are parsed: from here until <see cref="CompleteAsync"/> has run, the client can answer a
    /// tool call that is not reported yet.
    /// </summary>
    public void BodyEnded() => _bodyEnded?.Invoke();

    /// <summary>Ends the response: parses what is still waiting and reports what is pending.</summary>
    public async Task CompleteAsync()
    {
        Task parsing;
        lock (_gate)
        {
            parsing = _parsing;
        }

        await parsing;
        if (_sse is not null)
        {
            ParseWaiting();
        }

        // Nothing writes any more: what is waiting can be read outside the lock.
        if (!Abandoned)
        {
            if (_sse is not null)
            {
                _sse.Complete();
            }
            else
            {
                _parser.OnBody(_waiting.Written);
            }

            _parser.Complete();
        }
    }

    /// <summary>Returns the buffers to the pool; after <see cref="CompleteAsync"/>, which waits for the parser.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _waiting.Dispose();
            _parsed.Dispose();
            _sse?.Dispose();
        }
    }

    /// <summary>Parses what has gathered so far, outside the lock, until nothing is waiting.</summary>
    private void ParseWaiting()
    {
        while (true)
        {
            lock (_gate)
            {
                if (_abandoned || _waiting.Length == 0)
                {
                    return;
                }

                (_waiting, _parsed) = (_parsed, _waiting);
            }

            try
            {
                _sse!.Feed(_parsed.Written);
            }
            finally
            {
                _parsed.Clear();
            }
        }
    }
}

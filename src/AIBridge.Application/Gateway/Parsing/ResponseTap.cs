using System.Buffers;
using System.Diagnostics;

namespace AIBridge.Application.Gateway.Parsing;

/// <summary>
/// The hand-off from the relay to the recording parser (bridge spec §8.1): the relay copies each chunk
/// in and moves on. Chunks gather in one pooled buffer; once <see cref="WakeBytes"/> are waiting, or a
/// chunk arrives when the oldest has waited <see cref="WakeAfter"/> (a long, slow stream still records
/// its tool calls as it goes), a pool thread parses them, and whatever is left is parsed when the
/// response ends. Waking a parser for every
/// chunk cost a thread-pool hop per event, on the cores the relay needs. Past <see cref="MaxBytes"/>
/// waiting, parsing of this response is abandoned and the relay carries on: it never waits for the parser.
/// </summary>
public sealed class ResponseTap
{
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>Waiting bytes that start a parse before the response ends; most streams end sooner.</summary>
    public const int WakeBytes = 32 * 1024;

    /// <summary>How long a chunk may wait for the parser while more keep arriving.</summary>
    public static readonly TimeSpan WakeAfter = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly ResponseParser _parser;
    private readonly SseReader? _sse;
    private byte[] _waiting = [];
    private int _waitingLength;
    private long _waitingSince;
    private Task _parsing = Task.CompletedTask;
    private bool _abandoned;

    /// <param name="eventStream">Parse as server-sent events; otherwise as one JSON body once complete.</param>
    public ResponseTap(ResponseParser parser, bool eventStream)
    {
        _parser = parser;
        _sse = eventStream ? new SseReader((name, data) => _parser.OnEvent(name, data.Span)) : null;
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

            if ((long)_waitingLength + chunk.Length > MaxBytes)
            {
                _abandoned = true;
                Release(ref _waiting);
                _waitingLength = 0;
                return;
            }

            if (_waitingLength == 0)
            {
                _waitingSince = Stopwatch.GetTimestamp();
            }

            Append(chunk);
            // A body that is not a stream is parsed whole, at the end.
            if (_sse is not null && _parsing.IsCompleted && (_waitingLength >= WakeBytes || Stopwatch.GetElapsedTime(_waitingSince) >= WakeAfter))
            {
                _parsing = Task.Run(ParseWaiting);
            }
        }
    }

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
            if (!Abandoned)
            {
                _sse.Complete();
                _parser.Complete();
            }

            return;
        }

        byte[] body;
        int length;
        lock (_gate)
        {
            if (_abandoned)
            {
                return;
            }

            (body, length) = (_waiting, _waitingLength);
            (_waiting, _waitingLength) = ([], 0);
        }

        try
        {
            _parser.OnBody(body.AsSpan(0, length));
            _parser.Complete();
        }
        finally
        {
            Release(ref body);
        }
    }

    /// <summary>Parses what has gathered so far, outside the lock, until nothing is waiting.</summary>
    private void ParseWaiting()
    {
        while (true)
        {
            byte[] chunk;
            int length;
            lock (_gate)
            {
                if (_abandoned || _waitingLength == 0)
                {
                    return;
                }

                (chunk, length) = (_waiting, _waitingLength);
                (_waiting, _waitingLength) = ([], 0);
            }

            try
            {
                _sse!.Feed(chunk.AsSpan(0, length));
            }
            finally
            {
                Release(ref chunk);
            }
        }
    }

    private void Append(ReadOnlySpan<byte> chunk)
    {
        var needed = _waitingLength + chunk.Length;
        if (needed > _waiting.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Min(MaxBytes, _waiting.Length * 2)));
            _waiting.AsSpan(0, _waitingLength).CopyTo(larger);
            Release(ref _waiting);
            _waiting = larger;
        }

        chunk.CopyTo(_waiting.AsSpan(_waitingLength));
        _waitingLength = needed;
    }

    private static void Release(ref byte[] buffer)
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        buffer = [];
    }
}

using System.Collections.Concurrent;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// Interceptions whose successful response has reached its client whole while the parser still reads
/// its last bytes: their tool calls may still be on their way to the queue. The relay completes the
/// client's response first, so an agent can answer a tool call (a new request, whose start names the
/// call) before the call is recorded. The writer asks here whether waiting can still find the caller.
/// Responses still streaming are not here: a client answers a call once the response has ended, and a
/// long stream must not hold the writer.
/// </summary>
public sealed class RespondingInterceptions
{
    private readonly ConcurrentDictionary<long, (Guid InitiatorId, DateTime StartedAt)> _open = new();
    private long _last;

    public long Begin(Guid initiatorId, DateTime startedAt)
    {
        var ticket = Interlocked.Increment(ref _last);
        _open[ticket] = (initiatorId, startedAt);
        return ticket;
    }

    public void End(long ticket) => _open.TryRemove(ticket, out _);

    /// <summary>
    /// Whether one of the initiator's interceptions that started before <paramref name="before"/> is in
    /// that state: only such an interception can have made a call that a request started then answers.
    /// </summary>
    public bool AnyOpen(Guid initiatorId, DateTime before)
    {
        foreach (var (_, open) in _open)
        {
            if (open.InitiatorId == initiatorId && open.StartedAt < before)
            {
                return true;
            }
        }

        return false;
    }
}

using System.Collections.Concurrent;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// Interceptions whose successful response is being relayed and parsed: their tool calls may still be
/// on their way to the queue. The relay completes the client's response before the parser reports
/// what the last bytes held, so an agent can answer a tool call (a new request, whose start names the
/// call) before the call is recorded. The writer asks here whether waiting can still find the caller.
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
    /// Whether one of the initiator's interceptions that started before <paramref name="before"/> is still
    /// being recorded: only such an interception can have made a call that a request started then answers.
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

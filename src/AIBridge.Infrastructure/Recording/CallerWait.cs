using AIBridge.Application.Gateway.Recording;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// Holds a batch before its transaction opens while a start in it answers a tool call not known yet
/// and one of its user's earlier responses has reached its client but is not recorded yet (see
/// <see cref="RespondingInterceptions"/>): it waits for the caller's records, up to
/// <see cref="RecordingOptions.MaxLineageWait"/> for the whole batch, woken whenever a tool call is
/// queued or a response ends.
/// </summary>
internal sealed class CallerWait(RecordQueue queue, RecordingOptions options, TimeProvider time)
{
    public async Task ForCallersAsync(IReadOnlyList<RecordedItem> batch, CancellationToken abort)
    {
        long? waitingSince = null;
        foreach (var item in batch)
        {
            if (item is not InterceptionStarted { CorrelatingToolCallId: { } callId, Interception: var interception })
            {
                continue;
            }

            using var waiter = queue.CallerChanged.Wait();
            while (true)
            {
                var changed = queue.CallerChanged.Next;
                if (queue.RecentCalls.FindCall(callId, interception.StartedAt) is not null
                    || !queue.Responding.AnyOpen(interception.InitiatorId, interception.StartedAt))
                {
                    break;
                }

                waitingSince ??= time.GetTimestamp();
                var left = options.MaxLineageWait - time.GetElapsedTime(waitingSince.Value);
                if (left <= TimeSpan.Zero || !await ChangedWithinAsync(changed, left, abort))
                {
                    return;
                }
            }
        }
    }

    private async Task<bool> ChangedWithinAsync(Task changed, TimeSpan left, CancellationToken abort)
    {
        try
        {
            await changed.WaitAsync(left, time, abort);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}

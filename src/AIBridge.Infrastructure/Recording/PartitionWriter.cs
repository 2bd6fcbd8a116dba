using System.Threading.Channels;
using AIBridge.Application.Gateway.Recording;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The loop of one partition of <see cref="RecordQueue"/>: fills a batch, lets the callers it answers
/// catch up, hands it to the scheduler to be written, and counts it off the queue; on an abort, counts
/// what is left as dropped.
/// </summary>
internal sealed class PartitionWriter(
    ChannelReader<RecordedItem> reader, RecordQueue queue, BatchWriter writer, IBatchScheduler scheduler, CallerWait callers,
    RecordingOptions options, TimeProvider time)
{
    public async Task RunAsync(CancellationToken abort)
    {
        var batch = new List<RecordedItem>(options.BatchSize);
        try
        {
            while (await reader.WaitToReadAsync(abort))
            {
                await FillAsync(batch, abort);
                await callers.ForCallersAsync(batch, abort);
                await scheduler.RunAsync(() => writer.WriteAsync(batch, abort), queue.Count);
                foreach (var item in batch)
                {
                    queue.Dequeued(item);
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            foreach (var item in batch.Concat(Drain()))
            {
                queue.CountDropped(item, "shutdown");
            }
        }
    }

    /// <summary>Takes what is queued, waiting at most <see cref="RecordingOptions.MaxBatchDelay"/> for the batch to fill.</summary>
    private async Task FillAsync(List<RecordedItem> batch, CancellationToken abort)
    {
        var started = time.GetTimestamp();
        while (batch.Count < options.BatchSize)
        {
            if (reader.TryRead(out var item))
            {
                batch.Add(item);
                continue;
            }

            var left = options.MaxBatchDelay - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(abort);
            wait.CancelAfter(left);
            try
            {
                if (!await reader.WaitToReadAsync(wait.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!abort.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private IEnumerable<RecordedItem> Drain()
    {
        while (reader.TryRead(out var item))
        {
            yield return item;
        }
    }
}

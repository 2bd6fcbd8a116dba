using AIBridge.Application.Gateway.Recording;
using AIBridge.Infrastructure.Persistence;
using Microsoft.Extensions.Logging;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// Writes one partition's batches: retries transient failures on a <see cref="RetrySchedule"/> for as
/// long as it takes, and splits a batch the database refuses until the refused records are isolated and
/// dropped, the rest written.
/// </summary>
internal sealed partial class BatchWriter(
    BatchTransaction transaction, RecordingMetrics metrics, Action<RecordedItem, string> drop, RecordingOptions options, TimeProvider time, ILogger logger)
{
    // Each partition's own: one writer's recovery must not announce another's while it still fails.
    private bool _failing;

    public async Task WriteAsync(IReadOnlyList<RecordedItem> batch, CancellationToken abort)
    {
        var retries = new RetrySchedule(options.RetryInitialDelay, options.RetryMaxDelay, time);
        while (true)
        {
            var started = time.GetTimestamp();
            try
            {
                await transaction.WriteAsync(batch, abort);
                Written(batch, time.GetElapsedTime(started));
                return;
            }
            catch (Exception e) when (DatabaseErrors.IsPermanent(e))
            {
                await IsolateAsync(batch, e, abort);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !abort.IsCancellationRequested)
            {
                if (!_failing)
                {
                    _failing = true;
                    LogFailing(logger, e, batch.Count);
                }

                metrics.Retries.Add(1);
                await retries.WaitAsync(abort);
            }
        }
    }

    private async Task IsolateAsync(IReadOnlyList<RecordedItem> batch, Exception refusal, CancellationToken abort)
    {
        if (batch.Count == 1)
        {
            LogRejected(logger, refusal, batch[0].InterceptionId, batch[0].GetType().Name);
            drop(batch[0], "rejected");
            return;
        }

        var half = batch.Count / 2;
        await WriteAsync(batch.Take(half).ToList(), abort);
        await WriteAsync(batch.Skip(half).ToList(), abort);
    }

    private void Written(IReadOnlyList<RecordedItem> batch, TimeSpan took)
    {
        metrics.BatchSeconds.Record(took.TotalSeconds);
        var committed = time.GetTimestamp();
        metrics.BatchCommitted(committed);
        foreach (var item in batch)
        {
            item.Settled(committed);
        }

        // One addition per kind and batch: the counter is read per scrape, not per record.
        foreach (var (kind, count) in batch.CountBy(RecordKinds.Of))
        {
            metrics.Written.Add(count, new KeyValuePair<string, object?>("kind", kind));
        }

        if (_failing)
        {
            _failing = false;
            LogRecovered(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording a batch of {Count} record(s) failed; retrying with backoff until the database is back")]
    private static partial void LogFailing(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording recovered: the database accepts writes again")]
    private static partial void LogRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording rejected a {Kind} record of interception {InterceptionId}; dropped")]
    private static partial void LogRejected(ILogger logger, Exception exception, Guid interceptionId, string kind);
}

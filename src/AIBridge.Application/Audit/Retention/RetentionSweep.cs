using AIBridge.Domain.Common;
using AIBridge.Domain.Usage;

namespace AIBridge.Application.Audit.Retention;

/// <summary>
/// One run of the retention job: deletes every interception started more than
/// <see cref="RetentionOptions.RetentionDays"/> days ago, oldest first, in batches, so that each
/// transaction stays short and the recorder, which shares the write lock on SQLite, keeps going.
/// The hourly usage roll-up keeps the same window: its hours that ended before the cutoff go too.
/// </summary>
public sealed class RetentionSweep(IInterceptionRetentionStore store, RetentionOptions options, TimeProvider clock)
{
    public const int DefaultBatchSize = 1_000;

    /// <summary>Deletes what expired; returns how many interceptions went (0 when retention is off).</summary>
    public async Task<long> RunAsync(CancellationToken cancellationToken, int batchSize = DefaultBatchSize)
    {
        if (options.RetentionDays <= 0)
        {
            return 0;
        }

        var cutoff = Timestamp.Now(clock).AddDays(-options.RetentionDays);
        long deleted = 0;
        while (true)
        {
            var batch = await store.DeleteStartedBeforeAsync(cutoff, batchSize, cancellationToken);
            deleted += batch;
            if (batch < batchSize)
            {
                await store.DeleteUsageBeforeAsync(UsageHours.Of(cutoff), cancellationToken);
                return deleted;
            }
        }
    }
}

using AIBridge.Application.Audit.Retention;
using AIBridge.Domain.Usage;
using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Retention;

/// <summary>
/// One statement per batch, completed interceptions first (oldest first, by index), then, once those
/// run out, the few that never ended. The child rows go by the foreign keys' cascade, and the session
/// roll-ups follow through their delete triggers (ADR 0012).
/// </summary>
/// <remarks>
/// The recorder writes the same roll-up rows at the same time: a batch that loses a deadlock or times
/// out on a lock is tried again shortly rather than ending the day's sweep.
/// </remarks>
internal sealed class InterceptionRetentionStore(AIBridgeDbContext db) : IInterceptionRetentionStore
{
    public const int Attempts = 5;

    public async Task<int> DeleteStartedBeforeAsync(DateTime cutoff, int limit, CancellationToken cancellationToken)
    {
        var completed = await DeleteAsync(RetentionQueries.ExpiredCompleted(db, cutoff, limit), cancellationToken);
        return completed == limit
            ? completed
            : completed + await DeleteAsync(RetentionQueries.ExpiredInFlight(db, cutoff, limit - completed), cancellationToken);
    }

    /// <summary>
    /// One statement per roll-up and per slice: a day's sweep finds a day of hours, a few thousand rows at
    /// most. A day's row goes once all of its hours have.
    /// </summary>
    public async Task<int> DeleteUsageBeforeAsync(long hour, CancellationToken cancellationToken)
    {
        var day = hour / 24;
        var deleted = await DeleteAsync(db.UsageHours.Where(u => u.Hour < hour), cancellationToken)
            + await DeleteAsync(db.UsageDays.Where(u => u.Day < day), cancellationToken);

        // A slice's key starts with its dimensions: one range of its key each, where one statement would scan them all.
        foreach (var kept in UsageSlices.Kept)
        {
            deleted += await DeleteAsync(db.UsageHourSlices.Where(u => u.Dimensions == kept && u.Hour < hour), cancellationToken)
                + await DeleteAsync(db.UsageDaySlices.Where(u => u.Dimensions == kept && u.Day < day), cancellationToken);
        }

        return deleted;
    }

    private static async Task<int> DeleteAsync<T>(IQueryable<T> rows, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await rows.ExecuteDeleteAsync(cancellationToken);
            }
            catch (Exception e) when (attempt < Attempts && e is not OperationCanceledException && !DatabaseErrors.IsPermanent(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
            }
        }
    }
}

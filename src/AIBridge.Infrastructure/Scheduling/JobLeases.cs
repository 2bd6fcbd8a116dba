using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Scheduling;

/// <summary>
/// Claims a shared periodic job for this process: one conditional update, so that of several processes
/// asking at once exactly one moves the due time forward and runs the job. The same statement on every
/// database; no advisory lock, which SQLite and SQL Server spell differently or lack.
/// </summary>
public static class JobLeases
{
    /// <summary>
    /// True when the job was due and is now this process's until <paramref name="next"/>; false when
    /// another process claimed it first or it is not due yet.
    /// </summary>
    public static async Task<bool> TryClaimAsync(AIBridgeDbContext db, string job, string holder, DateTime now, DateTime next, CancellationToken cancellationToken)
    {
        if (!await JobLeaseQueries.Named(db, job).AnyAsync(cancellationToken))
        {
            try
            {
                // The migration makes the row; this puts back one that was deleted, already due. A process
                // that loses the race to put it back claims it below like any other.
                db.Set<JobLease>().Add(new JobLease { Name = job, DueAt = DateTime.UnixEpoch });
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return await ClaimDueAsync(db, job, holder, now, next, cancellationToken) == 1;
    }

    /// <summary>The claim itself: one statement that moves a due lease forward; 1 when it did, 0 when it was not due.</summary>
    public static Task<int> ClaimDueAsync(AIBridgeDbContext db, string job, string holder, DateTime now, DateTime next, CancellationToken cancellationToken) =>
        JobLeaseQueries.Due(db, job, now)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.DueAt, next).SetProperty(j => j.Holder, holder).SetProperty(j => j.ClaimedAt, now), cancellationToken);
}

using AIBridge.Infrastructure.Scheduling;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>The shared periodic jobs' leases (<see cref="JobLeases"/>).</summary>
public static class JobLeaseQueries
{
    public static IQueryable<JobLease> Named(AIBridgeDbContext db, string job) => db.Set<JobLease>().Where(j => j.Name == job);

    /// <summary>The job's lease while it is due: the row a claim moves forward.</summary>
    public static IQueryable<JobLease> Due(AIBridgeDbContext db, string job, DateTime now) => Named(db, job).Where(j => j.DueAt <= now);
}

using AIBridge.Domain.Interceptions;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>The retention job's selections.</summary>
public static class RetentionQueries
{
    /// <summary>
    /// The oldest <paramref name="limit"/> completed interceptions started before <paramref name="cutoff"/>:
    /// a range of the started-at index, which covers completed rows only (without that predicate
    /// every batch scanned and sorted the whole table).
    /// </summary>
    public static IQueryable<Interception> ExpiredCompleted(AIBridgeDbContext db, DateTime cutoff, int limit) =>
        db.Interceptions.Where(i => i.EndedAt != null && i.StartedAt < cutoff).OrderBy(i => i.StartedAt).Take(limit);

    /// <summary>
    /// Interceptions started before <paramref name="cutoff"/> that never ended (a process stopped
    /// mid-stream): few, and not indexed, so the sweep looks for them once the completed ones are gone.
    /// </summary>
    public static IQueryable<Interception> ExpiredInFlight(AIBridgeDbContext db, DateTime cutoff, int limit) =>
        db.Interceptions.Where(i => i.EndedAt == null && i.StartedAt < cutoff).Take(limit);
}

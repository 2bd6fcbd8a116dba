using AIBridge.Domain.Interceptions;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>The retention job's selection (read-api spec §5.7).</summary>
public static class RetentionQueries
{
    /// <summary>The oldest <paramref name="limit"/> interceptions started before <paramref name="cutoff"/> (the started-at index serves it).</summary>
    public static IQueryable<Interception> Expired(AIBridgeDbContext db, DateTime cutoff, int limit) =>
        db.Interceptions.Where(i => i.StartedAt < cutoff).OrderBy(i => i.StartedAt).Take(limit);
}

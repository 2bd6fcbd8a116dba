using AIBridge.Application.Audit;
using AIBridge.Infrastructure.Persistence.Queries;

namespace AIBridge.Infrastructure.Persistence.Rollups;

/// <summary>Reads of the write-time roll-ups, for the filters whose results they hold exactly.</summary>
public static class SessionRollupQueries
{
    /// <summary>
    /// The rows that are this filter's (session id, initiator) groups, one each; null when the roll-ups
    /// cannot answer (see <see cref="RollupSlices.For"/>) or the database keeps none.
    /// </summary>
    public static IQueryable<SessionRollup>? Groups(AIBridgeDbContext db, AuditFilter filter)
    {
        if (!db.SupportsSessionRollups || RollupSlices.For(filter) is not { } slice)
        {
            return null;
        }

        var rows = db.SessionRollups.Where(r => r.Slice == slice).NoneUnless(Readable(filter, slice));
        if (filter.InitiatorId is { } initiatorId)
        {
            rows = rows.Where(r => r.InitiatorId == initiatorId);
        }

        if (filter.SessionId is { } sessionId)
        {
            rows = rows.Where(r => r.SessionId == sessionId);
        }

        return rows;
    }

    /// <summary>
    /// The rows whose sums are the numbers of interceptions and of sessions this filter selects, or null
    /// when the counts cannot answer (as for <see cref="Groups"/>; they are not kept per session).
    /// </summary>
    public static IQueryable<RollupCount>? Counts(AIBridgeDbContext db, AuditFilter filter)
    {
        if (!db.SupportsSessionRollups || filter.SessionId is not null || RollupSlices.For(filter) is not { } slice)
        {
            return null;
        }

        var rows = db.RollupCounts.Where(c => c.Slice == slice).NoneUnless(Readable(filter, slice));
        return filter.InitiatorId is { } initiatorId ? rows.Where(c => c.InitiatorId == initiatorId) : rows;
    }

    private static bool Readable(AuditFilter filter, string slice) => filter.CallerCanRead && StoredText.CanBeStored([slice, filter.SessionId!]);

    /// <summary>
    /// One group per block: the one no other group of its session id precedes in list
    /// order. Its <c>last_active_at</c> is the block's key, so the blocks are read in index order and the
    /// look-up of the others stops at a page.
    /// </summary>
    public static IQueryable<SessionRollup> BlockLeaders(IQueryable<SessionRollup> groups) =>
        groups.Where(g => !groups.Any(o => o.SessionId == g.SessionId
            && (o.LastActiveAt > g.LastActiveAt || (o.LastActiveAt == g.LastActiveAt && o.InitiatorId < g.InitiatorId))));
}

using AIBridge.Application.Audit;
using AIBridge.Domain.Interceptions;
using AIBridge.Infrastructure.Persistence.Rollups;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>Sessions and their threads, grouped and ordered by the database.</summary>
public static class SessionQueries
{
    /// <summary>
    /// The selected interceptions grouped by (session id, initiator), with the fields computed over them:
    /// read from the write-time roll-ups where they hold exactly these groups.
    /// </summary>
    public static IQueryable<SessionGroupRow> Groups(AIBridgeDbContext db, AuditFilter filter) =>
        SessionRollupQueries.Groups(db, filter) is { } rollups
            ? rollups.Select(r => new SessionGroupRow
            {
                SessionId = r.SessionId,
                InitiatorId = r.InitiatorId,
                StartedAt = r.StartedAt,
                EndedAt = r.EndedAt,
                Threads = r.Threads,
                LastActiveAt = r.LastActiveAt,
            })
            : GroupedAtReadTime(db, filter);

    /// <summary>
    /// Groups computed from the interceptions, for what the roll-ups cannot answer (time windows, two
    /// of provider/model/client, SQL Server).
    /// The prompts are joined, not pre-aggregated, so the database can use the prompt index for a few
    /// sessions; an interception has at most one prompt, and MIN/MAX/COUNT DISTINCT ignore repeats anyway.
    /// </summary>
    private static IQueryable<SessionGroupRow> GroupedAtReadTime(AIBridgeDbContext db, AuditFilter filter) =>
        AuditQueries.Selected(db, filter)
            .LeftJoin(db.UserPrompts, i => i.Id, p => p.InterceptionId, (i, p) => new
            {
                i.Id,
                i.SessionId,
                i.InitiatorId,
                i.StartedAt,
                i.EndedAt,
                i.ThreadRootId,
                PromptAt = p == null ? (DateTime?)null : p.CreatedAt,
            })
            .GroupBy(i => new { i.SessionId, i.InitiatorId })
            .Select(g => new SessionGroupRow
            {
                SessionId = g.Key.SessionId,
                InitiatorId = g.Key.InitiatorId,
                StartedAt = g.Min(i => i.StartedAt),
                EndedAt = g.Max(i => i.EndedAt),
                Threads = g.Where(i => i.ThreadRootId == null).Select(i => i.Id).Distinct().LongCount(),
                LastActiveAt = g.Max(i => i.PromptAt) ?? g.Min(i => i.StartedAt),
            });

    /// <summary>Groups sharing a session id are one block, so pages never split them.</summary>
    public static IQueryable<SessionBlockRow> Blocks(AIBridgeDbContext db, AuditFilter filter) =>
        SessionRollupQueries.Groups(db, filter) is { } rollups
            ? SessionRollupQueries.BlockLeaders(rollups).Select(g => new SessionBlockRow { SessionId = g.SessionId, LastActiveAt = g.LastActiveAt })
            : GroupedAtReadTime(db, filter)
                .GroupBy(g => g.SessionId)
                .Select(b => new SessionBlockRow { SessionId = b.Key, LastActiveAt = b.Max(g => g.LastActiveAt) });

    /// <summary>The block of one session id among this query's groups (a cursor).</summary>
    public static IQueryable<SessionBlockRow> Block(AIBridgeDbContext db, AuditFilter filter, string sessionId) =>
        Blocks(db, filter).Where(b => b.SessionId == sessionId).NoneUnless(StoredText.CanBeStored(sessionId));

    /// <summary>The groups of the given blocks (a page).</summary>
    public static IQueryable<SessionGroupRow> GroupsOf(AIBridgeDbContext db, AuditFilter filter, IReadOnlyCollection<string> sessionIds) =>
        Groups(db, filter).Where(g => sessionIds.Contains(g.SessionId)).NoneUnless(StoredText.CanBeStored(sessionIds));

    /// <summary>Blocks in page order; after a cursor block, only those that follow it.</summary>
    public static IQueryable<string> BlockPage(AIBridgeDbContext db, AuditFilter filter, SessionBlockRow? after, int offset, int limit)
    {
        var blocks = Blocks(db, filter);
        if (after is not null)
        {
            // The plain bound first: a database uses it to start the index scan at the cursor, where the OR
            // alone had it read every block before it.
            blocks = blocks.Where(b => b.LastActiveAt <= after.LastActiveAt
                && (b.LastActiveAt < after.LastActiveAt || (b.LastActiveAt == after.LastActiveAt && string.Compare(b.SessionId, after.SessionId) < 0)));
        }

        return blocks.OrderByDescending(b => b.LastActiveAt).ThenByDescending(b => b.SessionId).Skip(offset).Take(limit).Select(b => b.SessionId);
    }

    /// <summary>Every visible, completed interception of the given sessions, whatever the <c>q</c>: the base of the session summaries.</summary>
    public static IQueryable<Interception> OfSessions(AIBridgeDbContext db, bool callerCanRead, IReadOnlyCollection<string> sessionIds) =>
        AuditQueries.Visible(db, callerCanRead).Where(i => sessionIds.Contains(i.SessionId)).NoneUnless(StoredText.CanBeStored(sessionIds));

    public static IQueryable<SessionFirstRow> FirstInterceptions(AIBridgeDbContext db, bool callerCanRead, IReadOnlyCollection<string> sessionIds) =>
        OfSessions(db, callerCanRead, sessionIds)
            .GroupBy(i => new { i.SessionId, i.InitiatorId })
            .Select(g => g.OrderBy(i => i.StartedAt).ThenBy(i => i.Id)
                .Select(i => new SessionFirstRow(i.SessionId, i.InitiatorId, i.Client, i.Metadata))
                .First());

    public static IQueryable<SessionModelRow> ProvidersAndModels(AIBridgeDbContext db, bool callerCanRead, IReadOnlyCollection<string> sessionIds) =>
        OfSessions(db, callerCanRead, sessionIds)
            .Select(i => new SessionModelRow(i.SessionId, i.InitiatorId, i.Provider, i.Model))
            .Distinct();

    public static IQueryable<SessionTokenSumRow> TokenSums(AIBridgeDbContext db, bool callerCanRead, IReadOnlyCollection<string> sessionIds) =>
        db.TokenUsages
            .Join(OfSessions(db, callerCanRead, sessionIds), t => t.InterceptionId, i => i.Id, (t, i) => new { i.SessionId, i.InitiatorId, Usage = t })
            .GroupBy(x => new { x.SessionId, x.InitiatorId })
            .Select(g => new SessionTokenSumRow(
                g.Key.SessionId,
                g.Key.InitiatorId,
                g.Sum(x => x.Usage.InputTokens),
                g.Sum(x => x.Usage.OutputTokens),
                g.Sum(x => x.Usage.CacheReadInputTokens),
                g.Sum(x => x.Usage.CacheWriteInputTokens)));

    /// <summary>Each group's prompt with the greatest (created_at, id).</summary>
    public static IQueryable<SessionPromptRow> LastPrompts(AIBridgeDbContext db, bool callerCanRead, IReadOnlyCollection<string> sessionIds) =>
        db.UserPrompts
            .Join(OfSessions(db, callerCanRead, sessionIds), p => p.InterceptionId, i => i.Id, (p, i) => new { i.SessionId, i.InitiatorId, p.Prompt, p.CreatedAt, p.Id })
            .GroupBy(x => new { x.SessionId, x.InitiatorId })
            .Select(g => g.OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id)
                .Select(x => new SessionPromptRow(x.SessionId, x.InitiatorId, x.Prompt))
                .First());

    /// <summary>Thread roots of a session, whoever started them.</summary>
    public static IQueryable<Interception> Roots(AIBridgeDbContext db, bool callerCanRead, string sessionId) =>
        AuditQueries.Visible(db, callerCanRead).Where(i => i.SessionId == sessionId && i.ThreadRootId == null).NoneUnless(StoredText.CanBeStored(sessionId));

    /// <summary>The <paramref name="limit"/> roots after the cursor, ascending.</summary>
    public static IQueryable<Interception> RootsAfter(AIBridgeDbContext db, bool callerCanRead, string sessionId, CursorRow? cursor, int limit)
    {
        var roots = Roots(db, callerCanRead, sessionId);
        if (cursor is not null)
        {
            roots = roots.Where(i => i.StartedAt >= cursor.StartedAt && (i.StartedAt > cursor.StartedAt || i.Id > cursor.Id));
        }

        return roots.OrderBy(i => i.StartedAt).ThenBy(i => i.Id).Take(limit);
    }

    /// <summary>The <paramref name="limit"/> roots right before the cursor, nearest first (the caller reverses them).</summary>
    public static IQueryable<Interception> RootsBefore(AIBridgeDbContext db, bool callerCanRead, string sessionId, CursorRow cursor, int limit) =>
        Roots(db, callerCanRead, sessionId)
            .Where(i => i.StartedAt <= cursor.StartedAt && (i.StartedAt < cursor.StartedAt || i.Id < cursor.Id))
            .OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id)
            .Take(limit);

    /// <summary>The non-root members of the given threads.</summary>
    public static IQueryable<Interception> Members(AIBridgeDbContext db, bool callerCanRead, string sessionId, IReadOnlyCollection<Guid> rootIds) =>
        AuditQueries.Visible(db, callerCanRead)
            .Where(i => i.SessionId == sessionId && i.ThreadRootId != null && rootIds.Contains(i.ThreadRootId.Value))
            .NoneUnless(StoredText.CanBeStored(sessionId))
            .OrderBy(i => i.StartedAt).ThenBy(i => i.Id);

    /// <summary>
    /// Token metadata of every thread of a session, every page: roots and the
    /// members whose root is a completed root of the session.
    /// </summary>
    public static IQueryable<string> ThreadTokenMetadata(AIBridgeDbContext db, bool callerCanRead, string sessionId)
    {
        var roots = Roots(db, callerCanRead, sessionId).Select(r => r.Id);
        var threads = AuditQueries.Visible(db, callerCanRead)
            .Where(i => i.SessionId == sessionId && (i.ThreadRootId == null || roots.Contains(i.ThreadRootId.Value)))
            .NoneUnless(StoredText.CanBeStored(sessionId))
            .Select(i => i.Id);
        return db.TokenUsages
            .Where(t => threads.Contains(t.InterceptionId) && t.Metadata != null)
            .Select(t => t.Metadata!);
    }
}

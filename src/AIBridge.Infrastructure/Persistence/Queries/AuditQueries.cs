using AIBridge.Application.Audit;
using AIBridge.Application.Audit.Dtos;
using AIBridge.Domain.Interceptions;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>
/// Read-side queries of the audit API. In-flight interceptions (no <c>ended_at</c>) are never read,
/// and the caller's read permission is a row predicate inside every query.
/// </summary>
public static class AuditQueries
{
    public const string UnknownClient = "Unknown";

    public static IQueryable<Interception> Completed(AIBridgeDbContext db) => db.Interceptions.Where(i => i.EndedAt != null);

    /// <summary>Completed interceptions the caller may read.</summary>
    public static IQueryable<Interception> Visible(AIBridgeDbContext db, bool callerCanRead) =>
        callerCanRead ? Completed(db) : Completed(db).Where(_ => false);

    /// <summary>Any interception the caller may read, in flight or not: only cursors may name these.</summary>
    public static IQueryable<CursorRow> CursorPosition(AIBridgeDbContext db, bool callerCanRead, Guid id)
    {
        var rows = callerCanRead ? db.Interceptions : db.Interceptions.Where(_ => false);
        return rows.Where(i => i.Id == id).Select(i => new CursorRow(i.Id, i.SessionId, i.StartedAt));
    }

    /// <summary>Visible interceptions matching every <c>q</c> filter.</summary>
    public static IQueryable<Interception> Selected(AIBridgeDbContext db, AuditFilter filter)
    {
        var rows = Visible(db, filter.CallerCanRead)
            .NoneUnless(StoredText.CanBeStored([filter.Provider!, filter.Model!, filter.Client!, filter.SessionId!]));
        if (filter.InitiatorId is { } initiatorId)
        {
            rows = rows.Where(i => i.InitiatorId == initiatorId);
        }

        if (filter.Provider is { } provider)
        {
            rows = rows.Where(i => i.Provider == provider);
        }

        if (filter.Model is { } model)
        {
            rows = rows.Where(i => i.Model == model);
        }

        if (filter.Client is { } client)
        {
            // COALESCE(client, 'Unknown') = value, written so that the client index still applies.
            rows = client == UnknownClient ? rows.Where(i => i.Client == null || i.Client == client) : rows.Where(i => i.Client == client);
        }

        if (filter.SessionId is { } sessionId)
        {
            rows = rows.Where(i => i.SessionId == sessionId);
        }

        if (filter.Failed is { } failed)
        {
            rows = failed ? rows.Where(i => i.ErrorType != null) : rows.Where(i => i.ErrorType == null);
        }

        if (filter.StartedAfter is { } after)
        {
            rows = rows.Where(i => i.StartedAt >= after);
        }

        if (filter.StartedBefore is { } before)
        {
            rows = rows.Where(i => i.StartedAt <= before);
        }

        return rows;
    }

    /// <summary>Newest first; with a cursor, only what comes after its position in that order.</summary>
    public static IQueryable<Interception> InterceptionPage(AIBridgeDbContext db, AuditFilter filter, CursorRow? cursor, int offset, int limit)
    {
        var rows = Selected(db, filter);
        if (cursor is not null)
        {
            // (started_at, id) < cursor, with a bare range first so the database can seek the index to the cursor.
            rows = rows.Where(i => i.StartedAt <= cursor.StartedAt && (i.StartedAt < cursor.StartedAt || i.Id < cursor.Id));
        }

        return rows.OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id).Skip(offset).Take(limit);
    }

    public static IQueryable<TokenUsage> TokenUsagesOf(AIBridgeDbContext db, IReadOnlyCollection<Guid> interceptionIds) =>
        db.TokenUsages.Where(t => interceptionIds.Contains(t.InterceptionId)).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id);

    public static IQueryable<UserPrompt> UserPromptsOf(AIBridgeDbContext db, IReadOnlyCollection<Guid> interceptionIds) =>
        db.UserPrompts.Where(p => interceptionIds.Contains(p.InterceptionId)).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id);

    public static IQueryable<ToolUsage> ToolUsagesOf(AIBridgeDbContext db, IReadOnlyCollection<Guid> interceptionIds) =>
        db.ToolUsages.Where(t => interceptionIds.Contains(t.InterceptionId)).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id);

    public static IQueryable<ModelThought> ModelThoughtsOf(AIBridgeDbContext db, IReadOnlyCollection<Guid> interceptionIds) =>
        db.ModelThoughts.Where(t => interceptionIds.Contains(t.InterceptionId)).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id);

    public static IQueryable<MinimalUserDto> MinimalUsers(AIBridgeDbContext db, IReadOnlyCollection<Guid> ids) =>
        db.Users.Where(u => ids.Contains(u.Id)).ProjectToMinimal();

    /// <summary>Distinct models: a loose index scan where the database can run one (a few index seeks instead of reading every row).</summary>
    public static IQueryable<string> DistinctModels(AIBridgeDbContext db, bool callerCanRead) =>
        callerCanRead && db.SupportsRecursiveQueries
            ? db.Database.SqlQueryRaw<string>(LooseIndexScans.Models)
            : Visible(db, callerCanRead).Select(i => i.Model).Distinct();

    /// <summary>Distinct clients, NULL read as "Unknown"; a loose index scan where the database can run one.</summary>
    public static IQueryable<string> DistinctClients(AIBridgeDbContext db, bool callerCanRead) =>
        callerCanRead && db.SupportsRecursiveQueries
            ? db.Database.SqlQueryRaw<string>(LooseIndexScans.Clients)
            : Visible(db, callerCanRead).Select(i => i.Client ?? UnknownClient).Distinct();
}

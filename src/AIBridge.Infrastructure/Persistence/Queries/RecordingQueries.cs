using AIBridge.Domain.Interceptions;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>The recorder's look-ups and updates.</summary>
public static class RecordingQueries
{
    /// <summary>
    /// The interception whose response made a tool call, and its thread root: the most recent call with
    /// that id whose interception started before <paramref name="before"/> (the answering request's
    /// start), as in <see cref="Recording.RecentToolCalls.FindCall"/>.
    /// </summary>
    public static IQueryable<ThreadParentRow> ToolCallOrigin(AIBridgeDbContext db, string providerToolCallId, DateTime before) =>
        (from tool in db.ToolUsages
         where tool.ProviderToolCallId == providerToolCallId
         join interception in db.Interceptions on tool.InterceptionId equals interception.Id
         where interception.StartedAt < before
         orderby tool.CreatedAt descending
         select new ThreadParentRow(interception.Id, interception.ThreadRootId))
        .Take(1)
        .NoneUnless(StoredText.CanBeStored(providerToolCallId));

    /// <summary>
    /// Whether another process has one of this user's interceptions open that started before
    /// <paramref name="before"/>: its response may have made the tool call a request answers, and its
    /// records may not be committed yet.
    /// </summary>
    public static IQueryable<Interception> OpenElsewhere(AIBridgeDbContext db, Guid initiatorId, DateTime before, string instance) =>
        db.Interceptions.Where(i => i.EndedAt == null && i.GatewayInstance != null && i.GatewayInstance != instance
            && i.InitiatorId == initiatorId && i.StartedAt < before);

    public static IQueryable<ThreadParentRow> ThreadOf(AIBridgeDbContext db, Guid interceptionId) =>
        db.Interceptions.Where(i => i.Id == interceptionId).Select(i => new ThreadParentRow(i.Id, i.ThreadRootId));

    /// <summary>An interception not ended yet: an end applies only once.</summary>
    public static IQueryable<Interception> Open(AIBridgeDbContext db, Guid interceptionId) =>
        db.Interceptions.Where(i => i.Id == interceptionId && i.EndedAt == null);
}

public sealed record ThreadParentRow(Guid Id, Guid? ThreadRootId)
{
    public Guid RootId => ThreadRootId ?? Id;
}

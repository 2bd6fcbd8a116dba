namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>The cache report's reads: a session's ended interceptions with their token sums, and their usage metadata.</summary>
public static class CacheQueries
{
    public static IQueryable<CacheTurnRow> Turns(AIBridgeDbContext db, string sessionId, bool callerCanRead) =>
        db.Interceptions
            .Where(i => callerCanRead && i.SessionId == sessionId && i.EndedAt != null)
            .OrderBy(i => i.StartedAt).ThenBy(i => i.Id)
            .Select(i => new CacheTurnRow(
                i.Id, i.StartedAt, i.Provider, i.Model, i.ThreadRootId ?? i.Id, i.SystemHash, i.ToolsHash,
                i.TokenUsages.Sum(t => t.InputTokens), i.TokenUsages.Sum(t => t.CacheReadInputTokens), i.TokenUsages.Sum(t => t.CacheWriteInputTokens),
                i.TokenUsages.Sum(t => t.CostMicros)))
            .NoneUnless(StoredText.CanBeStored(sessionId));

    /// <summary>The usage rows' provider counters of a session's interceptions, where the hour-long cache writes are counted.</summary>
    public static IQueryable<UsageMetadataRow> UsageMetadata(AIBridgeDbContext db, string sessionId, bool callerCanRead) =>
        (from usage in db.TokenUsages
         join interception in db.Interceptions on usage.InterceptionId equals interception.Id
         where callerCanRead && interception.SessionId == sessionId && interception.EndedAt != null && usage.CacheWriteInputTokens > 0
         select new UsageMetadataRow(usage.InterceptionId, usage.Metadata))
        .NoneUnless(StoredText.CanBeStored(sessionId));
}

public sealed record CacheTurnRow(
    Guid Id, DateTime StartedAt, string Provider, string Model, Guid ThreadRootId, string? SystemHash, string? ToolsHash, long Input, long CacheRead, long CacheWrite,
    long? CostMicros);

public sealed record UsageMetadataRow(Guid InterceptionId, string? Metadata);

namespace AIBridge.Infrastructure.Persistence.Rollups;

/// <summary>
/// The completed interceptions of one (session id, initiator) that share one filter value, summed up
/// at write time by database triggers (<see cref="SessionRollupTriggers"/>) so that session lists read
/// one row per session instead of grouping every interception.
/// </summary>
/// <remarks>
/// Each interception counts in four slices: <see cref="RollupSlices.All"/> and one each for its provider,
/// model and client (NULL read as "Unknown", as the filter reads it). A list filtered on one of those
/// reads that slice alone: its rows are exactly the groups of the interceptions the filter selects.
/// </remarks>
public sealed class SessionRollup
{
    public required string SessionId { get; init; }

    public required Guid InitiatorId { get; init; }

    /// <summary>See <see cref="RollupSlices"/>: <c>all</c>, <c>provider:openai</c>, <c>client:Unknown</c>…</summary>
    public required string Slice { get; init; }

    public long Interceptions { get; init; }

    /// <summary>Thread roots (<c>thread_root_id IS NULL</c>).</summary>
    public long Threads { get; init; }

    public DateTime StartedAt { get; init; }

    public DateTime? EndedAt { get; init; }

    /// <summary>The latest prompt's <c>created_at</c>, if any interception has one.</summary>
    public DateTime? PromptedAt { get; init; }

    /// <summary><c>COALESCE(prompted_at, started_at)</c>, stored so that lists can be read in index order.</summary>
    public DateTime LastActiveAt { get; init; }
}

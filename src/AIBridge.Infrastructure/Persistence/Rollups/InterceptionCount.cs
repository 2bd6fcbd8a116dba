namespace AIBridge.Infrastructure.Persistence.Rollups;

/// <summary>
/// How many completed interceptions one initiator has in one slice (see <see cref="RollupSlices"/>),
/// kept by the same triggers as <see cref="SessionRollup"/>: the interceptions list's exact count is a
/// sum over at most one row per user instead of a scan of every interception.
/// </summary>
public sealed class InterceptionCount
{
    public required Guid InitiatorId { get; init; }

    public required string Slice { get; init; }

    public long Interceptions { get; init; }
}

namespace AIBridge.Infrastructure.Persistence.Rollups;

/// <summary>
/// How many completed interceptions, and how many sessions (<see cref="SessionRollup"/> rows), one
/// initiator has in one slice (see <see cref="RollupSlices"/>), kept by the roll-up triggers: the lists'
/// exact counts are sums over at most one row per user instead of scans.
/// </summary>
public sealed class RollupCount
{
    public required Guid InitiatorId { get; init; }

    public required string Slice { get; init; }

    public long Interceptions { get; init; }

    public long Sessions { get; init; }
}

namespace AIBridge.Domain.Usage;

/// <summary>
/// One hour of one user's traffic through one provider, model and client, summed by the recorder as it
/// writes: usage reports and budgets read these rows, never the interceptions.
/// </summary>
/// <remarks>
/// An interception counts in the hour it started, whenever its tokens and prompts arrive. The hour is a
/// number (<see cref="UsageHours"/>) so that reports shift hours into a time zone's days with integer
/// arithmetic, the same on every database. The time-to-first-byte histogram's columns are not properties
/// here: they are <see cref="TtfbHistogram.Buckets"/> columns of the same table.
/// </remarks>
public sealed class UsageHour
{
    /// <summary>Hours since 1970-01-01T00:00:00Z.</summary>
    public long Hour { get; init; }

    public Guid InitiatorId { get; init; }

    public required string Provider { get; init; }

    public required string ProviderName { get; init; }

    public required string Model { get; init; }

    /// <summary>The detected client; "Unknown" when none was.</summary>
    public required string Client { get; init; }

    public long Interceptions { get; init; }

    public long Prompts { get; init; }

    /// <summary>Tool calls the client ran.</summary>
    public long ToolCalls { get; init; }

    /// <summary>Tool calls the gateway injected and ran itself.</summary>
    public long InjectedToolCalls { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public long CacheReadInputTokens { get; init; }

    public long CacheWriteInputTokens { get; init; }

    /// <summary>The sum of the priced token-usage rows' costs; null while every row of the hour is unpriced.</summary>
    public long? CostMicros { get; init; }

    /// <summary>Token-usage rows that had no price, so are not in <see cref="CostMicros"/>.</summary>
    public long UnpricedUsageCount { get; init; }

    /// <summary>The worst-case cost of the hour's requests still in flight, held against their users' budgets.</summary>
    public long ReservedMicros { get; init; }
}

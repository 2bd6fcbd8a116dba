namespace AIBridge.Domain.Usage;

/// <summary>
/// What the usage roll-ups sum for one user's traffic through one provider, model and client over a
/// stretch of time: an hour (<see cref="UsageHour"/>) or a UTC day (<see cref="UsageDay"/>).
/// </summary>
/// <remarks>
/// The time-to-first-byte histogram's columns are not properties here: they are
/// <see cref="TtfbHistogram.Buckets"/> columns of the same tables.
/// </remarks>
public abstract class UsageTotals
{
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

    /// <summary>The sum of the priced token-usage rows' costs; null while every row is unpriced.</summary>
    public long? CostMicros { get; init; }

    /// <summary>Token-usage rows that had no price, so are not in <see cref="CostMicros"/>.</summary>
    public long UnpricedUsageCount { get; init; }

    /// <summary>
    /// Token-usage rows that had a price. A report that takes hours out of a day's row subtracts these
    /// too, so it still knows whether anything in what is left was priced.
    /// </summary>
    public long PricedUsageCount { get; init; }
}

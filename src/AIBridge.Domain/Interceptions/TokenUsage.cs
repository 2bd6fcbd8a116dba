namespace AIBridge.Domain.Interceptions;

/// <summary>Token counts of one upstream response. Input excludes cached tokens for every provider.</summary>
public sealed class TokenUsage
{
    public Guid Id { get; set; }

    public Guid InterceptionId { get; set; }

    public string ProviderResponseId { get; set; } = "";

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    public long CacheReadInputTokens { get; set; }

    public long CacheWriteInputTokens { get; set; }

    /// <summary>
    /// What the tokens cost in micro-USD, at the prices in force when the row was written (later price
    /// changes leave it as it is); null when a needed price is unknown.
    /// </summary>
    public long? CostMicros { get; set; }

    /// <summary>JSON object of provider-specific extra counters.</summary>
    public string? Metadata { get; set; }

    public DateTime CreatedAt { get; set; }
}

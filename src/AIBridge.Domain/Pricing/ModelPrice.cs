namespace AIBridge.Domain.Pricing;

/// <summary>
/// What one model costs, in micro-USD per million tokens (<c>3000000</c> is $3.00 per million). A null
/// price is unknown; <c>0</c> is free. Cache writes are priced at the 5-minute rate unless a usage says
/// its writes were kept for an hour.
/// </summary>
public sealed class ModelPrice
{
    /// <summary>The provider's wire family: <c>anthropic</c> or <c>openai</c>.</summary>
    public string ProviderType { get; set; } = "";

    /// <summary>A model name, or a prefix that prices every model named <c>{Model}-…</c>.</summary>
    public string Model { get; set; } = "";

    public long? InputMicros { get; set; }

    public long? OutputMicros { get; set; }

    public long? CacheReadMicros { get; set; }

    public long? CacheWriteMicros { get; set; }

    public long? CacheWrite1hMicros { get; set; }

    public DateTime UpdatedAt { get; set; }

    public const int ProviderTypeMaxLength = 64;
    public const int ModelMaxLength = 256;
}

using System.Text.Json.Serialization;

namespace AIBridge.Application.Pricing;

/// <summary>One price in force, in micro-USD per million tokens; null is unknown.</summary>
/// <param name="Source"><c>default</c> (shipped with AIBridge) or <c>override</c> (set through the API).</param>
public sealed record PriceDto(
    string ProviderType, string Model, long? Input, long? Output, long? CacheRead, long? CacheWrite,
    [property: JsonPropertyName("cache_write_1h")] long? CacheWrite1h, string Source, DateTime UpdatedAt)
{
    public static PriceDto From(PriceEntry entry) => new(
        entry.Price.ProviderType, entry.Price.Model, entry.Price.InputMicros, entry.Price.OutputMicros, entry.Price.CacheReadMicros,
        entry.Price.CacheWriteMicros, entry.Price.CacheWrite1hMicros, entry.Source == PriceSource.Override ? "override" : "default", entry.Price.UpdatedAt);
}

/// <summary>The price book: every price in force, and where the shipped defaults come from.</summary>
/// <param name="DefaultsAsOf">The date the shipped prices were taken from the providers' price lists.</param>
public sealed record PriceListDto(DateOnly DefaultsAsOf, IReadOnlyList<string> DefaultsSources, string Unit, IReadOnlyList<PriceDto> Prices)
{
    public const string MicroUsdPerMillion = "micro-USD per million tokens";
}

using System.Text.Json;
using System.Text.Json.Serialization;
using AIBridge.Domain.Pricing;

namespace AIBridge.Application.Pricing;

/// <summary>The list prices shipped with AIBridge (<c>default-prices.json</c>), with the date they were taken and where from.</summary>
public sealed record DefaultPrices(DateOnly AsOf, IReadOnlyList<string> Sources, IReadOnlyList<ModelPrice> Prices)
{
    private static readonly JsonSerializerOptions FileJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static DefaultPrices Shipped { get; } = Load();

    private static DefaultPrices Load()
    {
        using var stream = typeof(DefaultPrices).Assembly.GetManifestResourceStream("AIBridge.Application.Pricing.default-prices.json")
            ?? throw new InvalidOperationException("The default price file is not embedded.");
        var file = JsonSerializer.Deserialize<PriceFile>(stream, FileJson)
            ?? throw new InvalidOperationException("The default price file is empty.");
        return new DefaultPrices(file.AsOf, file.Source, file.Prices.Select(p => new ModelPrice
        {
            ProviderType = p.ProviderType,
            Model = p.Model,
            InputMicros = p.Input,
            OutputMicros = p.Output,
            CacheReadMicros = p.CacheRead,
            CacheWriteMicros = p.CacheWrite,
            CacheWrite1hMicros = p.CacheWrite1h,
            UpdatedAt = file.AsOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        }).ToList());
    }

    private sealed record PriceFile(DateOnly AsOf, string[] Source, FilePrice[] Prices);

    private sealed record FilePrice(
        string ProviderType, string Model, long? Input, long? Output, long? CacheRead, long? CacheWrite,
        [property: JsonPropertyName("cache_write_1h")] long? CacheWrite1h);
}

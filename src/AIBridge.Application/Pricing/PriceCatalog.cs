using AIBridge.Domain.Pricing;

namespace AIBridge.Application.Pricing;

/// <summary>
/// The price book in force in this process, read on the gateway's hot path without a lock; replaced
/// whole when the overrides change.
/// </summary>
public sealed class PriceCatalog(DefaultPrices defaults)
{
    private PriceBook _current = new(defaults, []);

    public PriceBook Current => Volatile.Read(ref _current);

    public void Replace(IEnumerable<ModelPrice> overrides) => Volatile.Write(ref _current, new PriceBook(defaults, overrides));
}

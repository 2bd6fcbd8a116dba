namespace AIBridge.Application.Pricing;

/// <summary>Puts the stored overrides into the price book in force: at start-up, and after each change.</summary>
public sealed class PriceBookLoader(IPriceRepository prices, PriceCatalog catalog)
{
    public async Task LoadAsync(CancellationToken cancellationToken) => catalog.Replace(await prices.ListAsync(cancellationToken));
}

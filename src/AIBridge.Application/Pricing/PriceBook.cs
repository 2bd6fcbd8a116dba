using AIBridge.Domain.Pricing;

namespace AIBridge.Application.Pricing;

/// <summary>
/// The prices in force: the shipped defaults with the stored overrides over them. Immutable; a change of
/// overrides makes a new book (<see cref="PriceCatalog"/>).
/// </summary>
public sealed class PriceBook
{
    private readonly Dictionary<string, Dictionary<string, PriceEntry>> _byType = new(StringComparer.Ordinal);

    public PriceBook(DefaultPrices defaults, IEnumerable<ModelPrice> overrides)
    {
        Defaults = defaults;
        foreach (var price in defaults.Prices)
        {
            Models(price.ProviderType)[price.Model] = new PriceEntry(price, PriceSource.Default);
        }

        foreach (var price in overrides)
        {
            Models(price.ProviderType)[price.Model] = new PriceEntry(price, PriceSource.Override);
        }
    }

    public DefaultPrices Defaults { get; }

    /// <summary>Every price in force, by provider type and model.</summary>
    public IEnumerable<PriceEntry> Entries => _byType.Values.SelectMany(m => m.Values)
        .OrderBy(e => e.Price.ProviderType, StringComparer.Ordinal).ThenBy(e => e.Price.Model, StringComparer.Ordinal);

    /// <summary>
    /// The price of a model: its own name first, then the longest priced name that is a prefix of it
    /// followed by <c>-</c> (so <c>claude-sonnet-4-5</c> prices <c>claude-sonnet-4-5-20250929</c>).
    /// </summary>
    /// <remarks>Looked up by span: every bridged request asks, and a prefix must not cost a string.</remarks>
    public ModelPrice? Find(string providerType, string model)
    {
        if (!_byType.TryGetValue(providerType, out var models))
        {
            return null;
        }

        var lookup = models.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var end = model.Length; end > 0; end = model.LastIndexOf('-', end - 1))
        {
            if (lookup.TryGetValue(model.AsSpan(0, end), out var entry))
            {
                return entry.Price;
            }
        }

        return null;
    }

    private Dictionary<string, PriceEntry> Models(string providerType) =>
        _byType.TryGetValue(providerType, out var models) ? models : _byType[providerType] = new Dictionary<string, PriceEntry>(StringComparer.Ordinal);
}

public enum PriceSource
{
    Default,
    Override,
}

public sealed record PriceEntry(ModelPrice Price, PriceSource Source);

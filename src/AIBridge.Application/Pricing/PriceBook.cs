using AIBridge.Domain.Pricing;

namespace AIBridge.Application.Pricing;

/// <summary>
/// The prices in force: the shipped defaults with the stored overrides over them. Immutable; a change of
/// overrides makes a new book (<see cref="PriceCatalog"/>).
/// </summary>
public sealed class PriceBook
{
    private readonly Dictionary<(string ProviderType, string Model), PriceEntry> _entries;

    public PriceBook(DefaultPrices defaults, IEnumerable<ModelPrice> overrides)
    {
        Defaults = defaults;
        _entries = defaults.Prices.ToDictionary(p => (p.ProviderType, p.Model), p => new PriceEntry(p, PriceSource.Default));
        foreach (var price in overrides)
        {
            _entries[(price.ProviderType, price.Model)] = new PriceEntry(price, PriceSource.Override);
        }
    }

    public DefaultPrices Defaults { get; }

    /// <summary>Every price in force, by provider type and model.</summary>
    public IEnumerable<PriceEntry> Entries => _entries.Values.OrderBy(e => e.Price.ProviderType, StringComparer.Ordinal).ThenBy(e => e.Price.Model, StringComparer.Ordinal);

    /// <summary>
    /// The price of a model: its own name first, then the longest priced name that is a prefix of it
    /// followed by <c>-</c> (so <c>claude-sonnet-4-5</c> prices <c>claude-sonnet-4-5-20250929</c>).
    /// </summary>
    public ModelPrice? Find(string providerType, string model)
    {
        if (_entries.TryGetValue((providerType, model), out var exact))
        {
            return exact.Price;
        }

        for (var end = model.LastIndexOf('-'); end > 0; end = model.LastIndexOf('-', end - 1))
        {
            if (_entries.TryGetValue((providerType, model[..end]), out var prefix))
            {
                return prefix.Price;
            }
        }

        return null;
    }
}

public enum PriceSource
{
    Default,
    Override,
}

public sealed record PriceEntry(ModelPrice Price, PriceSource Source);

using AIBridge.Domain.Providers;

namespace AIBridge.Application.Providers;

/// <summary>The providers stored through the API, with their keys.</summary>
public interface IProviderRepository
{
    /// <summary>Every stored provider with its keys in pool order, untracked.</summary>
    Task<IReadOnlyList<StoredProvider>> ListAsync(CancellationToken cancellationToken);

    /// <summary>A stored provider with its keys, tracked for changes.</summary>
    Task<StoredProvider?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>Stores a new provider; false when another request stored one of the same name first.</summary>
    Task<bool> TryAddAsync(StoredProvider provider, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="pool"/> the provider's keys: the keys left out are deleted.</summary>
    void ReplaceKeys(StoredProvider provider, List<StoredProviderKey> pool);

    void Remove(StoredProvider provider);
}

using AIBridge.Application.Common.Security;
using AIBridge.Application.Gateway.Credentials;
using AIBridge.Domain.Providers;

namespace AIBridge.Application.Providers;

/// <summary>Turns the <c>api_keys</c> of a request into the stored pool: kept keys by id, new keys encrypted.</summary>
internal static class ProviderKeys
{
    /// <summary>The pool as listed: keys not listed are dropped, new ones added in their place in the list.</summary>
    public static List<StoredProviderKey> Pool(StoredProvider provider, IReadOnlyList<ProviderKeyInput> listed, ISecretProtector protector, DateTime now)
    {
        var pool = new List<StoredProviderKey>();
        foreach (var entry in listed)
        {
            var key = entry.Id is { } id
                ? provider.Keys.Single(k => k.Id == id)
                : new StoredProviderKey
                {
                    Id = Guid.CreateVersion7(),
                    ProviderId = provider.Id,
                    Protected = protector.Protect(entry.ApiKey!),
                    Masked = KeyMask.Mask(entry.ApiKey),
                    CreatedAt = now,
                };
            key.Position = pool.Count;
            pool.Add(key);
        }

        return pool;
    }
}

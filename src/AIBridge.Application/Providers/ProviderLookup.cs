using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Domain.Providers;

namespace AIBridge.Application.Providers;

internal static class ProviderLookup
{
    /// <summary>The stored provider to change: a configured one is read-only (409), an unknown name is 404.</summary>
    public static async Task<StoredProvider> EditableAsync(IProviderRepository providers, ProviderCatalog catalog, string name,
        CancellationToken cancellationToken)
    {
        if (catalog.IsConfigured(name))
        {
            throw AppException.Conflict($"Provider \"{name}\" is configured in AIBridge settings; change it there.");
        }

        return await providers.FindAsync(name, cancellationToken) ?? throw NotFound(name);
    }

    public static AppException NotFound(string name) => AppException.NotFound($"Provider \"{name}\" not found.");
}

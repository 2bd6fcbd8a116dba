using AIBridge.Application.Common.Security;
using AIBridge.Application.Gateway.Providers;

namespace AIBridge.Application.Providers;

/// <summary>
/// Puts the stored providers into the catalog in force: at start-up, after each change, and on every
/// refresh. A provider whose row did not change keeps its running instance, and so its keys' states; one
/// in error is built again each time, since what it lacked (a key ring's key, say) may have arrived.
/// </summary>
public sealed class ProviderCatalogLoader(IProviderRepository providers, ISecretProtector protector, ProviderCatalog catalog)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await providers.ListAsync(cancellationToken);
        catalog.ReplaceStored(stored.Select(s => catalog.FindStored(s.Name) is { } running && running.Version == s.UpdatedAt && running.Status != ProviderStatuses.Error
            ? running
            : StoredProviders.Build(s, protector, catalog)));
    }
}

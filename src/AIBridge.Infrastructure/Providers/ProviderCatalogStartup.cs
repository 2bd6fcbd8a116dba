using AIBridge.Application.Providers;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Logging;

namespace AIBridge.Infrastructure.Providers;

/// <summary>
/// Before the first request: makes sure the shared key ring holds a key, so that processes starting one
/// after another all load the same one, then puts the stored providers in force. A database that is
/// away does not stop the start; the refresh catches up.
/// </summary>
public sealed partial class ProviderCatalogStartup(ProviderCatalogLoader loader, IKeyManager keys, TimeProvider clock, ILogger<ProviderCatalogStartup> logger)
{
    /// <summary>The default lifetime of a data protection key.</summary>
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(90);

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = clock.GetUtcNow();
            if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now))
            {
                keys.CreateNewKey(now, now + KeyLifetime);
            }

            await loader.LoadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Providers: the stored providers could not be loaded at start-up; only the configured ones serve until they can")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

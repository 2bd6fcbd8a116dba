using AIBridge.Application.Pricing;
using Microsoft.Extensions.Logging;

namespace AIBridge.Infrastructure.Pricing;

/// <summary>Puts the stored overrides in force before the first request; a database that is away does not stop the start.</summary>
public sealed partial class PriceBookStartup(PriceBookLoader loader, ILogger<PriceBookStartup> logger)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await loader.LoadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Serving matters more: the shipped prices are in force until the refresh reads the overrides.
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prices: the overrides could not be read at start-up; the shipped prices are in force until they can")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

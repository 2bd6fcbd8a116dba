using AIBridge.Application.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AIBridge.Infrastructure.Providers;

/// <summary>
/// Reloads the stored providers every <see cref="Interval"/>, so a provider or key changed through another
/// AIBridge process on the same database is in force here within seconds. The process that made the
/// change has it at once.
/// </summary>
internal sealed partial class ProviderCatalogRefresh(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ProviderCatalogRefresh> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        var failing = false;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ProviderCatalogLoader>().LoadAsync(stoppingToken);
                failing = false;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Once per outage, not every two seconds.
                if (!failing)
                {
                    LogFailed(logger, e);
                }

                failing = true;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Providers: reloading the stored providers failed; those in force stay as they were")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

using AIBridge.Application.Pricing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AIBridge.Infrastructure.Pricing;

/// <summary>
/// Reloads the stored price overrides every <see cref="Interval"/>, so that a change made through
/// another AIBridge process on the same database is in force here too. The process that made the
/// change has it at once.
/// </summary>
internal sealed partial class PriceBookRefresh(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PriceBookRefresh> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PriceBookLoader>().LoadAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prices: reloading the overrides failed; the prices in force stay as they were")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

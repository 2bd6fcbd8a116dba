using AIBridge.Application.Audit.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AIBridge.Infrastructure.Retention;

/// <summary>
/// The daily retention job: a sweep when the host has started, then one a day.
/// A failed sweep (the database away) is logged and the next one catches up: each deletes everything
/// that has expired by then.
/// </summary>
internal sealed partial class RetentionJob(IServiceScopeFactory scopes, RetentionOptions options, TimeProvider clock, ILogger<RetentionJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.RetentionDays <= 0)
        {
            return;
        }

        // Off the host's start-up path.
        await Task.Yield();
        using var timer = new PeriodicTimer(RetentionOptions.Interval, clock);
        do
        {
            await SweepAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var deleted = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(stoppingToken);
            LogSwept(logger, deleted, options.RetentionDays);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, e, options.RetentionDays);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Count} interception(s) started more than {Days} days ago")]
    private static partial void LogSwept(ILogger logger, long count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention: the sweep of interceptions older than {Days} days failed; the next one catches up")]
    private static partial void LogFailed(ILogger logger, Exception exception, int days);
}

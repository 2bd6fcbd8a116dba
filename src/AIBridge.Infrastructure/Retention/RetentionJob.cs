using AIBridge.Application.Audit.Retention;
using AIBridge.Application.Gateway.Recovery;
using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AIBridge.Infrastructure.Retention;

/// <summary>
/// The daily retention job: one sweep a day across every process on the database. Each process asks
/// when the host has started and then every <see cref="CheckInterval"/>; the one that claims the day's
/// lease (<see cref="JobLeases"/>) sweeps, so a process that stops leaves the job to the others. A failed
/// sweep (the database away) is logged and the next one catches up: each deletes everything that has
/// expired by then.
/// </summary>
internal sealed partial class RetentionJob(IServiceScopeFactory scopes, RetentionOptions options, GatewayInstance instance, TimeProvider clock,
    ILogger<RetentionJob> logger) : BackgroundService
{
    public const string LeaseName = "retention";

    /// <summary>How often a process asks whether the day's sweep is due.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.RetentionDays <= 0)
        {
            return;
        }

        // Off the host's start-up path.
        await Task.Yield();
        using var timer = new PeriodicTimer(CheckInterval, clock);
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
            var now = clock.GetUtcNow().UtcDateTime;
            var db = scope.ServiceProvider.GetRequiredService<AIBridgeDbContext>();
            if (!await JobLeases.TryClaimAsync(db, LeaseName, instance.Name, now, now + RetentionOptions.Interval, stoppingToken))
            {
                LogNotDue(logger);
                return;
            }

            var deleted = await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(stoppingToken);
            LogSwept(logger, deleted, options.RetentionDays, instance.Name);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, e, options.RetentionDays);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Count} interception(s) started more than {Days} days ago (instance {Instance})")]
    private static partial void LogSwept(ILogger logger, long count, int days, string instance);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention: not due; the day's sweep has been claimed")]
    private static partial void LogNotDue(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention: the sweep of interceptions older than {Days} days failed; the next one catches up")]
    private static partial void LogFailed(ILogger logger, Exception exception, int days);
}

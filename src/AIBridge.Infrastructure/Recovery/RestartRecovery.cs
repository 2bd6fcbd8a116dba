using AIBridge.Application.Gateway.Recovery;
using AIBridge.Domain.Common;
using AIBridge.Domain.Interceptions;
using AIBridge.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AIBridge.Infrastructure.Recovery;

/// <summary>
/// At start, before any request: what this instance's previous run left open (it was killed, or its
/// machine stopped) would never end by itself, and the audit API shows only ended interceptions.
/// Other instances' rows are never touched: they may still be in flight.
/// </summary>
public sealed partial class RestartRecovery(AIBridgeDbContext db, GatewayInstance instance, TimeProvider clock, ILogger<RestartRecovery> logger)
{
    public const string Message = "gateway restarted";

    public async Task EndLeftOpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = Timestamp.Now(clock);
            var ended = await db.Interceptions
                .Where(i => i.EndedAt == null && i.GatewayInstance == instance.Name)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.EndedAt, now)
                    .SetProperty(i => i.ErrorType, InterceptionErrors.GatewayRestarted)
                    .SetProperty(i => i.ErrorMessage, Message), cancellationToken);
            if (ended > 0)
            {
                LogEnded(logger, ended, instance.Name);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Serving matters more than this clean-up; the next start tries again.
            LogFailed(logger, e, instance.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ended {Count} interception(s) that instance \"{Instance}\" left open when it last stopped (error gateway_restarted)")]
    private static partial void LogEnded(ILogger logger, int count, string instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not end the interceptions instance \"{Instance}\" left open; trying again at the next start")]
    private static partial void LogFailed(ILogger logger, Exception exception, string instance);
}

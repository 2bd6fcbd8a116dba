using AIBridge.Application.Budgets;
using AIBridge.Domain.Budgets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AIBridge.Infrastructure.Budgets;

/// <summary>The ledger's reads, each in a scope of its own: the ledger outlives every request.</summary>
internal sealed partial class BudgetSpendSource(IServiceScopeFactory scopes, ILogger<BudgetSpendSource> logger) : IBudgetSpendSource
{
    public async Task<BudgetRead?> ReadAsync(Guid userId, BudgetPeriod period, long reservationsFromHour, bool hasDefaultLimit,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var budgets = scope.ServiceProvider.GetRequiredService<IBudgetRepository>();
            var own = await budgets.FindAsync(userId, cancellationToken);
            var spend = own is null && !hasDefaultLimit ? default : await budgets.SpendAsync(userId, period, reservationsFromHour, cancellationToken);
            return new BudgetRead(own?.MonthlyLimitMicros, spend);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogReadFailed(logger, e, userId);
            return null;
        }
    }

    public async Task<bool?> AnyBudgetsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IBudgetRepository>().AnyAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogAnyFailed(logger, e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Budgets: reading whether any user has a budget failed; each user's budget is read until the next try")]
    private static partial void LogAnyFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Budgets: reading the budget and spend of user {UserId} failed; the last spend read stands until the next try")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, Guid userId);
}

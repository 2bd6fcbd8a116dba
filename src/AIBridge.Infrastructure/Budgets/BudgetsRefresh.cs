using AIBridge.Application.Budgets;
using Microsoft.Extensions.Hosting;

namespace AIBridge.Infrastructure.Budgets;

/// <summary>
/// Tells the ledger, at start and then every <see cref="BudgetOptions.SpendMaxAge"/>, whether any user has
/// a budget, so that a deployment without budgets never reads one on a request's path.
/// </summary>
internal sealed class BudgetsRefresh(BudgetLedger ledger, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(BudgetOptions.SpendMaxAge, clock);
        do
        {
            await ledger.RefreshBudgetsExistAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

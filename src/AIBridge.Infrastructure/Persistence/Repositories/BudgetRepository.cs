using AIBridge.Application.Budgets;
using AIBridge.Domain.Budgets;
using AIBridge.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Persistence.Repositories;

internal sealed class BudgetRepository(AIBridgeDbContext db) : IBudgetRepository
{
    public Task<UserBudget?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        BudgetQueries.ByUser(db, userId).FirstOrDefaultAsync(cancellationToken);

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => BudgetQueries.All(db).AnyAsync(cancellationToken);

    public async Task<BudgetSpend> SpendAsync(Guid userId, BudgetPeriod period, long reservationsFromHour, CancellationToken cancellationToken)
    {
        var row = await BudgetQueries.Spend(db, userId, period.StartHour, period.EndHour, reservationsFromHour).FirstOrDefaultAsync(cancellationToken);
        return row is null ? default : new BudgetSpend(row.CostMicros, Math.Max(0, row.ReservedMicros));
    }

    public void Add(UserBudget budget) => db.UserBudgets.Add(budget);

    public void Remove(UserBudget budget) => db.UserBudgets.Remove(budget);
}

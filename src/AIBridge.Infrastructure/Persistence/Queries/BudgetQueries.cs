using AIBridge.Domain.Budgets;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>Users' budgets, and their spend from the hourly usage roll-up.</summary>
internal static class BudgetQueries
{
    public static IQueryable<UserBudget> All(AIBridgeDbContext db) => db.UserBudgets;

    public static IQueryable<UserBudget> ByUser(AIBridgeDbContext db, Guid userId) => db.UserBudgets.Where(b => b.UserId == userId);

    /// <summary>One row (none when the user has no usage in the hours): the cost of the hours, and the reservations of the later ones.</summary>
    public static IQueryable<SpendRow> Spend(AIBridgeDbContext db, Guid userId, long fromHour, long toHour, long reservationsFromHour) =>
        db.UsageHours
            .Where(u => u.InitiatorId == userId && u.Hour >= fromHour && u.Hour < toHour)
            .GroupBy(u => u.InitiatorId)
            .Select(g => new SpendRow(
                g.Sum(u => u.CostMicros ?? 0),
                g.Sum(u => u.Hour >= reservationsFromHour ? u.ReservedMicros : 0)));
}

internal sealed record SpendRow(long CostMicros, long ReservedMicros);

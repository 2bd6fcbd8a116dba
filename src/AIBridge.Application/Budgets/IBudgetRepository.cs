using AIBridge.Domain.Budgets;

namespace AIBridge.Application.Budgets;

/// <summary>What a user spent in a period, from the hourly usage roll-up.</summary>
/// <param name="CostMicros">The priced usage of the requests that ended.</param>
/// <param name="ReservedMicros">The worst-case cost of the requests still in flight, in every process.</param>
public readonly record struct BudgetSpend(long CostMicros, long ReservedMicros)
{
    public long Total => CostMicros + ReservedMicros;
}

public interface IBudgetRepository
{
    Task<UserBudget?> FindAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Whether any user has a budget of their own.</summary>
    Task<bool> AnyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The user's cost in <paramref name="period"/>, and the reservations of the hours from
    /// <paramref name="reservationsFromHour"/> on.
    /// </summary>
    Task<BudgetSpend> SpendAsync(Guid userId, BudgetPeriod period, long reservationsFromHour, CancellationToken cancellationToken);

    void Add(UserBudget budget);

    void Remove(UserBudget budget);
}

/// <summary>A user's own limit (null: none of their own) and their spend, as the ledger reads them.</summary>
public sealed record BudgetRead(long? LimitMicros, BudgetSpend Spend);

/// <summary>Reads budgets and spend for the ledger, outside any request's scope.</summary>
public interface IBudgetSpendSource
{
    /// <summary>
    /// Null when the database could not be read (the failure is logged). The spend is read only when the
    /// user has a limit of their own or <paramref name="hasDefaultLimit"/>.
    /// </summary>
    Task<BudgetRead?> ReadAsync(Guid userId, BudgetPeriod period, long reservationsFromHour, bool hasDefaultLimit, CancellationToken cancellationToken);

    /// <summary>Whether any user has a budget of their own; null when the database could not be read (the failure is logged).</summary>
    Task<bool?> AnyBudgetsAsync(CancellationToken cancellationToken);
}

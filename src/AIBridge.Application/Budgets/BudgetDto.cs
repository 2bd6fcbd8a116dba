using AIBridge.Domain.Budgets;

namespace AIBridge.Application.Budgets;

/// <summary>A user's monthly budget and where it stands this month; amounts in micro-USD.</summary>
/// <param name="MonthlyLimitMicros">The limit in force; null when the user has none.</param>
/// <param name="Source"><c>user</c> (their own), <c>default</c> (the configured default) or <c>none</c>.</param>
/// <param name="SpentMicros">The cost of this month's ended requests.</param>
/// <param name="ReservedMicros">The worst-case cost of the requests in flight, held until they end.</param>
/// <param name="RemainingMicros">Limit less spent and reserved, not below zero; null without a limit.</param>
public sealed record BudgetDto(
    Guid UserId, long? MonthlyLimitMicros, string Source, long SpentMicros, long ReservedMicros, long? RemainingMicros,
    DateTime PeriodStart, DateTime PeriodEnd)
{
    public const string FromUser = "user";
    public const string FromDefault = "default";
    public const string FromNone = "none";

    public static BudgetDto Of(Guid userId, UserBudget? own, long? defaultLimit, BudgetSpend spend, BudgetPeriod period)
    {
        var limit = own?.MonthlyLimitMicros ?? defaultLimit;
        var source = own is not null ? FromUser : defaultLimit is not null ? FromDefault : FromNone;
        return new BudgetDto(userId, limit, source, spend.CostMicros, spend.ReservedMicros,
            limit is { } l ? Math.Max(0, l - spend.Total) : null, period.Start, period.End);
    }
}

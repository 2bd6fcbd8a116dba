using AIBridge.Domain.Budgets;

namespace AIBridge.Application.Budgets;

/// <summary>Whether a request may go upstream: with the hold it took, or refused because the budget is spent.</summary>
public readonly record struct BudgetDecision(BudgetHold? Hold, BudgetRefusal? Refusal)
{
    public static BudgetDecision Unlimited => default;
}

/// <summary>The budget that refused a request: its limit, what was spent and held, and when it resets.</summary>
public sealed record BudgetRefusal(long LimitMicros, long SpentMicros, BudgetPeriod Period, long RetryAfterSeconds)
{
    public string Message => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"Your AIBridge monthly budget of ${LimitMicros / 1_000_000m:0.00} is spent (${SpentMicros / 1_000_000m:0.00} this month, requests in flight included); it renews at {Period.End:yyyy-MM-dd'T'HH:mm:ss'Z'}.");
}

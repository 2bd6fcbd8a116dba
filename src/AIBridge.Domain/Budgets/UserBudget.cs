namespace AIBridge.Domain.Budgets;

/// <summary>A user's own monthly spending limit, set by an owner; users without one get the configured default.</summary>
public sealed class UserBudget
{
    public Guid UserId { get; set; }

    /// <summary>The most the user may spend in a UTC calendar month, in micro-USD.</summary>
    public long MonthlyLimitMicros { get; set; }

    public DateTime UpdatedAt { get; set; }
}

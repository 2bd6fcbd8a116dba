using AIBridge.Domain.Usage;

namespace AIBridge.Domain.Budgets;

/// <summary>The UTC calendar month a budget counts spend in.</summary>
public readonly record struct BudgetPeriod(DateTime Start, DateTime End)
{
    public static BudgetPeriod Of(DateTime utc)
    {
        var start = new DateTime(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        return new BudgetPeriod(start, start.AddMonths(1));
    }

    /// <summary>The first roll-up hour of the month.</summary>
    public long StartHour => UsageHours.Of(Start);

    /// <summary>The first roll-up hour after the month.</summary>
    public long EndHour => UsageHours.Of(End);

    /// <summary>Whole seconds until the month ends, at least one: what a refused client is told to wait.</summary>
    public long SecondsLeft(DateTime utc) => Math.Max(1, (long)Math.Ceiling((End - utc).TotalSeconds));
}

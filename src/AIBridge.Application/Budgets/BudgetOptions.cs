namespace AIBridge.Application.Budgets;

/// <summary>The <c>AIBridge:Budgets</c> settings.</summary>
public sealed class BudgetOptions
{
    /// <summary>The monthly limit, in micro-USD, of users without a budget of their own; null: they have none.</summary>
    public long? DefaultMonthlyLimitMicros { get; set; }

    /// <summary>The output a request is assumed to produce, when it names no maximum, for its reservation.</summary>
    public int DefaultMaxOutputTokens { get; set; } = 8192;

    /// <summary>How long a user's spend read from the database is used before it is read again.</summary>
    public static readonly TimeSpan SpendMaxAge = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Hours of reservations counted: the current and the previous. A reservation outlives its request only
    /// when the process holding it died, and must not hold the budget for the rest of the month.
    /// </summary>
    public const int ReservationHours = 2;

    /// <summary>The first roll-up hour whose reservations count at <paramref name="utc"/>.</summary>
    public static long ReservationsFrom(DateTime utc) => Domain.Usage.UsageHours.Of(utc) - (ReservationHours - 1);
}

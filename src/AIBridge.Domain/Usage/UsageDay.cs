namespace AIBridge.Domain.Usage;

/// <summary>
/// The same sums as <see cref="UsageHour"/> over one UTC day, kept by the recorder beside the hours so
/// that a report over a month reads a day's row where it would read up to 24 hours' rows.
/// </summary>
public sealed class UsageDay : UsageTotals
{
    /// <summary>Days since 1970-01-01 (UTC): the day of hour <c>h</c> is <c>h / 24</c>.</summary>
    public long Day { get; init; }
}

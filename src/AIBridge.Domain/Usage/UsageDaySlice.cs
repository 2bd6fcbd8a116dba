namespace AIBridge.Domain.Usage;

/// <summary>A UTC day of <see cref="UsageHourSlice"/>, as <see cref="UsageDay"/> is of <see cref="UsageHour"/>.</summary>
public sealed class UsageDaySlice : UsageTotals
{
    public UsageDimensions Dimensions { get; init; }

    /// <summary>Days since 1970-01-01 (UTC).</summary>
    public long Day { get; init; }
}

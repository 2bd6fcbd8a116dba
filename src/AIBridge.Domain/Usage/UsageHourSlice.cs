namespace AIBridge.Domain.Usage;

/// <summary>
/// An hour of <see cref="UsageHour"/> summed over every dimension but those in <see cref="Dimensions"/>;
/// the others hold an empty value. A report grouped and filtered by at most two dimensions reads the
/// slice of exactly those, a handful of rows an hour where the full roll-up has one per user, model and
/// client.
/// </summary>
public sealed class UsageHourSlice : UsageTotals
{
    public UsageDimensions Dimensions { get; init; }

    /// <summary>Hours since 1970-01-01T00:00:00Z.</summary>
    public long Hour { get; init; }
}

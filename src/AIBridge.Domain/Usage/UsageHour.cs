namespace AIBridge.Domain.Usage;

/// <summary>
/// One hour of one user's traffic through one provider, model and client, summed by the recorder as it
/// writes: usage reports and budgets read these rows (and <see cref="UsageDay"/>), never the interceptions.
/// </summary>
/// <remarks>
/// An interception counts in the hour it started, whenever its tokens and prompts arrive. The hour is a
/// number (<see cref="UsageHours"/>) so that reports shift hours into a time zone's days with integer
/// arithmetic, the same on every database.
/// </remarks>
public sealed class UsageHour : UsageTotals
{
    /// <summary>Hours since 1970-01-01T00:00:00Z.</summary>
    public long Hour { get; init; }

    /// <summary>The worst-case cost of the hour's requests still in flight, held against their users' budgets.</summary>
    public long ReservedMicros { get; init; }
}

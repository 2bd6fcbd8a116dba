namespace AIBridge.Domain.Usage;

/// <summary>The roll-up's hour numbers: whole hours since the Unix epoch, UTC.</summary>
public static class UsageHours
{
    public static long Of(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerHour;

    public static DateTime Start(long hour) => new(DateTime.UnixEpoch.Ticks + (hour * TimeSpan.TicksPerHour), DateTimeKind.Utc);
}

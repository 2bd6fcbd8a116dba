namespace AIBridge.Domain.Common;

/// <summary>
/// Every stored timestamp is UTC with microsecond precision, the finest all three databases keep,
/// so a value read back compares equal to the value written.
/// </summary>
public static class Timestamp
{
    public static DateTime Normalize(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    public static DateTime Now(TimeProvider clock) => Normalize(clock.GetUtcNow().UtcDateTime);
}

namespace AIBridge.Application.Usage;

/// <summary>
/// A time zone over a window of whole UTC hours: the offset in force from each hour on, and the UTC
/// instant each local day starts. Usage is kept by the UTC hour, so only zones whose offset is a whole
/// number of hours throughout the window can cut it into local days.
/// </summary>
public sealed class ZoneHours
{
    private ZoneHours(TimeZoneInfo zone, IReadOnlyList<ZoneOffset> offsets)
    {
        Zone = zone;
        Offsets = offsets;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>In hour order; the first starts at the window's first hour.</summary>
    public IReadOnlyList<ZoneOffset> Offsets { get; }

    public static ZoneHours Utc(long fromHour) => new(TimeZoneInfo.Utc, [new ZoneOffset(fromHour, 0)]);

    /// <summary>The zone's offsets over the window, or null with the offset that is not whole hours.</summary>
    public static ZoneHours? Over(TimeZoneInfo zone, long fromHour, long toHour, out TimeSpan uneven)
    {
        uneven = default;
        var offsets = new List<ZoneOffset>();
        for (var hour = fromHour; hour < Math.Max(toHour, fromHour + 1); hour++)
        {
            var offset = zone.GetUtcOffset(Domain.Usage.UsageHours.Start(hour));
            if (offset.Ticks % TimeSpan.TicksPerHour != 0)
            {
                uneven = offset;
                return null;
            }

            var hours = (int)(offset.Ticks / TimeSpan.TicksPerHour);
            if (offsets.Count == 0 || offsets[^1].Hours != hours)
            {
                offsets.Add(new ZoneOffset(hour, hours));
            }
        }

        return new ZoneHours(zone, offsets);
    }

    /// <summary>
    /// When a local day starts, in UTC: its midnight, or the first hour after it where midnight is
    /// skipped by a clock change.
    /// </summary>
    public DateTime StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>The day number of 1970-01-01: hours shifted by the offset and divided by 24 count local days from it.</summary>
    public static readonly int UnixDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
}

/// <param name="FromHour">The first hour (since the epoch) with this offset.</param>
/// <param name="Hours">The zone's offset from UTC, in hours.</param>
public sealed record ZoneOffset(long FromHour, int Hours);

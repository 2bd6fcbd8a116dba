using AIBridge.Application.Usage;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>
/// Which rows of the two usage roll-ups a report sums: the window's whole UTC days from the daily
/// roll-up, its hours before the first and after the last whole day from the hourly one, and, for
/// reports by day, week or month, the hours of a whole day that belong to another of those intervals
/// than the rest of it (<see cref="Moved"/>).
/// </summary>
/// <remarks>
/// A day's row counts at one hour of its day, <see cref="DayHour"/>, chosen so that as few hours as
/// possible fall in another local day. Each moved hour is read from the hourly roll-up once, added at
/// its own hour and taken away at the day's hour. A month in a zone a few hours from UTC then reads
/// its days and a few hours a day, where the hourly roll-up alone would give every hour.
/// </remarks>
internal sealed record UsageRollupReads(long FromDay, long ToDay, int DayHour, IReadOnlyList<(long From, long To)> Hours, IReadOnlyList<long> Moved)
{
    public static UsageRollupReads Of(UsageSumQuery query)
    {
        var request = query.Request;
        var fromDay = (request.FromHour + 23) / 24;
        var toDay = request.ToHour / 24;
        if (query.TimeKey == UsageTimeKey.Hour || toDay <= fromDay)
        {
            return new(0, 0, 0, [(request.FromHour, request.ToHour)], []);
        }

        var hours = new List<(long, long)>();
        if (request.FromHour < fromDay * 24)
        {
            hours.Add((request.FromHour, fromDay * 24));
        }

        if (toDay * 24 < request.ToHour)
        {
            hours.Add((toDay * 24, request.ToHour));
        }

        if (query.TimeKey == UsageTimeKey.None)
        {
            return new(fromDay, toDay, 0, hours, []);
        }

        // Each hour's interval once; then the hour of the day whose interval most of its day shares.
        var intervals = new DateOnly[(toDay - fromDay) * 24];
        for (var i = 0; i < intervals.Length; i++)
        {
            intervals[i] = UsageReportBuilder.FirstDayOf(request.Interval, LocalDay(request.Zone, (fromDay * 24) + i));
        }

        var dayHour = Enumerable.Range(0, 24).MinBy(h => MovedIndexes(intervals, h).Count());
        return new(fromDay, toDay, dayHour, hours, MovedIndexes(intervals, dayHour).Select(i => (fromDay * 24) + i).ToList());
    }

    /// <summary>
    /// The hours (from the first whole day's first) in another interval than their day's hour: another
    /// local day, or, by week or month, only those across the interval's first midnight.
    /// </summary>
    private static IEnumerable<int> MovedIndexes(DateOnly[] intervals, int dayHour) =>
        Enumerable.Range(0, intervals.Length).Where(i => intervals[i] != intervals[(i / 24 * 24) + dayHour]);

    /// <summary>The same arithmetic as the report's SQL: the hour shifted by the offset in force, in days.</summary>
    public static long LocalDay(ZoneHours zone, long hour)
    {
        var offset = zone.Offsets[0].Hours;
        foreach (var change in zone.Offsets)
        {
            if (change.FromHour > hour)
            {
                break;
            }

            offset = change.Hours;
        }

        return (hour + offset) / 24;
    }
}

using AIBridge.Application.Usage;
using AIBridge.Domain.Usage;
using AIBridge.Infrastructure.Persistence.Queries;

namespace AIBridge.UnitTests.Usage;

/// <summary>
/// Which roll-up rows a report reads: whole UTC days from the daily roll-up, the rest of the window from
/// the hourly one, and the hours a day's row must give back to another interval. The sums they make are
/// held to the raw rows by the functional usage tests; these pin that the days are used at all.
/// </summary>
public sealed class UsageRollupReadsTests
{
    /// <summary>2026-03-02T00:00Z, a Monday; Berlin is at +1 until 2026-03-29.</summary>
    private static readonly long March2 = UsageHours.Of(new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void A_utc_report_by_day_reads_whole_days_from_the_days_and_the_window_edges_from_the_hours()
    {
        var reads = Reads(March2 - 5, March2 + (3 * 24) + 7, UsageInterval.Day, "UTC");

        (reads.FromDay, reads.ToDay).Should().Be((March2 / 24, (March2 / 24) + 3));
        reads.Hours.Should().Equal((March2 - 5, March2), (March2 + (3 * 24), March2 + (3 * 24) + 7));
        reads.Moved.Should().BeEmpty();
    }

    [Fact]
    public void By_day_in_berlin_each_days_last_hour_moves_to_the_next_local_day()
    {
        var reads = Reads(March2, March2 + (3 * 24), UsageInterval.Day, "Europe/Berlin");

        reads.Hours.Should().BeEmpty();
        reads.Moved.Should().Equal(March2 + 23, March2 + 47, March2 + 71);
        reads.DayHour.Should().BeLessThan(23, "the day's row counts in the local day most of its hours are in");
    }

    [Fact]
    public void By_week_in_tokyo_only_the_hours_across_monday_midnight_move()
    {
        // Monday 00:00 in Tokyo is Sunday 15:00Z: of fourteen days, only each Sunday's last nine hours move.
        var reads = Reads(March2, March2 + (14 * 24), UsageInterval.Week, "Asia/Tokyo");

        var sundays = new[] { March2 + (6 * 24), March2 + (13 * 24) };
        reads.Moved.Should().Equal(sundays.SelectMany(sunday => Enumerable.Range(15, 9).Select(h => sunday + h)));
    }

    [Fact]
    public void Across_a_clock_change_the_moved_hours_follow_the_offset()
    {
        // Berlin goes to +2 at 2026-03-29T01:00Z: from that day on, the last two hours of each UTC day move.
        var march28 = UsageHours.Of(new DateTime(2026, 3, 28, 0, 0, 0, DateTimeKind.Utc));
        var reads = Reads(march28, march28 + (3 * 24), UsageInterval.Day, "Europe/Berlin");

        reads.Moved.Should().Equal(march28 + 23, march28 + 46, march28 + 47, march28 + 70, march28 + 71);
    }

    [Fact]
    public void A_report_over_the_whole_window_moves_nothing_and_one_by_hour_reads_only_hours()
    {
        Reads(March2 + 1, March2 + (5 * 24), UsageInterval.None, "America/Los_Angeles").Moved.Should().BeEmpty();

        var hourly = Reads(March2, March2 + (5 * 24), UsageInterval.Hour, "UTC");
        hourly.ToDay.Should().Be(hourly.FromDay);
        hourly.Hours.Should().Equal((March2, March2 + (5 * 24)));
    }

    [Fact]
    public void A_window_without_a_whole_day_reads_only_hours()
    {
        var reads = Reads(March2 + 3, March2 + 27, UsageInterval.Day, "UTC");

        reads.ToDay.Should().Be(reads.FromDay);
        reads.Hours.Should().Equal((March2 + 3, March2 + 27));
    }

    private static UsageRollupReads Reads(long from, long to, UsageInterval interval, string zone)
    {
        var request = new UsageRequest
        {
            FromHour = from,
            ToHour = to,
            Interval = interval,
            GroupBy = [],
            Zone = ZoneHours.Over(TimeZoneInfo.FindSystemTimeZoneById(zone), from, to, out _)!,
            OrderBy = UsageOrder.Cost,
            Limit = 100,
        };
        return UsageRollupReads.Of(new UsageSumQuery(request, UsageReportBuilder.TimeKeyOf(interval)));
    }
}

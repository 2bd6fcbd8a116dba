using AIBridge.Application.Usage;
using AIBridge.Infrastructure.Persistence.Queries;

namespace AIBridge.UnitTests.Usage;

/// <summary>
/// Which roll-up a report reads: the slice of exactly its dimensions, grouped or filtered, while there
/// are at most two; the full roll-ups beyond. The functional usage tests hold both to the raw rows.
/// </summary>
public sealed class UsageRollupTablesTests
{
    [Fact]
    public void A_report_by_no_dimension_reads_the_slice_that_keeps_none()
    {
        var tables = UsageRollupTables.For(Request([]));

        (tables.Hours, tables.Days, tables.Slice).Should().Be(("aibridge_usage_hour_slices", "aibridge_usage_day_slices", "dimensions = 0 AND "));
    }

    [Fact]
    public void Grouping_and_filtering_both_count_as_the_reports_dimensions()
    {
        UsageRollupTables.For(Request([UsageDimension.Model]) with { InitiatorId = Guid.NewGuid() }).Slice.Should().Be("dimensions = 5 AND ", "user 1 and model 4");
        UsageRollupTables.For(Request([UsageDimension.Client, UsageDimension.Provider])).Slice.Should().Be("dimensions = 10 AND ");
        UsageRollupTables.For(Request([UsageDimension.User]) with { InitiatorId = Guid.NewGuid() }).Slice.Should().Be("dimensions = 1 AND ", "a filter on a grouped dimension adds none");
    }

    [Fact]
    public void Three_dimensions_read_the_full_roll_ups()
    {
        var tables = UsageRollupTables.For(Request([UsageDimension.User, UsageDimension.Model]) with { Client = "Codex" });

        (tables.Hours, tables.Days, tables.Slice).Should().Be(("aibridge_usage_hours", "aibridge_usage_days", ""));
    }

    private static UsageRequest Request(UsageDimension[] groupBy) => new()
    {
        FromHour = 0,
        ToHour = 24,
        Interval = UsageInterval.Day,
        GroupBy = groupBy,
        Zone = ZoneHours.Utc(0),
        OrderBy = UsageOrder.Cost,
        Limit = 100,
    };
}

using System.Globalization;
using AIBridge.Application.Usage;
using AIBridge.Domain.Usage;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>
/// The usage reports' one statement over the roll-ups, in SQL that PostgreSQL, SQLite and SQL Server
/// all run: the rows <see cref="UsageRollupReads"/> picks from the tables <see cref="UsageRollupTables"/>
/// picks, each at an hour, then a GROUP BY of the time key and the dimensions.
/// </summary>
/// <remarks>
/// Numbers in the text are the request's own hours and offsets, written as literals: SQL Server refuses
/// parameters inside a GROUP BY expression. Filter values are parameters (<see cref="Parameters"/>).
/// </remarks>
internal static class UsageQueries
{
    /// <summary>The sums read back, in order; a cost is null where the priced rows' count is 0.</summary>
    public static readonly string[] SumColumns =
    [
        "interceptions", "prompts", "tool_calls", "injected_tool_calls", "input_tokens", "output_tokens",
        "cache_read_input_tokens", "cache_write_input_tokens", "cost_micros", "unpriced_usage_count",
        .. Enumerable.Range(0, TtfbHistogram.Buckets).Select(TtfbHistogram.Column),
        "priced_usage_count",
    ];

    /// <param name="sum">How the database sums a column (<c>AIBridgeDbContext.RollupSum</c>).</param>
    public static string Sum(UsageSumQuery query, string sum)
    {
        var request = query.Request;
        var reads = UsageRollupReads.Of(query);
        var tables = UsageRollupTables.For(request);
        var time = TimeExpression(query);
        var dimensions = request.GroupBy.Select(Column).ToList();
        var grouping = (query.TimeKey == UsageTimeKey.None ? [] : new[] { time }).Concat(dimensions).ToList();
        var selected = string.Join("", dimensions.Select(d => d + ", "));
        var columns = string.Join(", ", SumColumns);
        var filters = string.Join("", Parameters(request).Select(p => $" AND {p.Column} = {p.Name}"));
        var parts = new List<string>();
        if (reads.ToDay > reads.FromDay)
        {
            parts.Add(Invariant($"SELECT day * 24 + {reads.DayHour} AS hour, {selected}{columns} FROM {tables.Days} WHERE {tables.Slice}day >= {reads.FromDay} AND day < {reads.ToDay}") + filters);
        }

        if (reads.Hours.Count > 0)
        {
            var ranges = string.Join(" OR ", reads.Hours.Select(r => Invariant($"(hour >= {r.From} AND hour < {r.To})")));
            parts.Add($"SELECT hour, {selected}{columns} FROM {tables.Hours} WHERE {tables.Slice}({ranges}){filters}");
        }

        if (reads.Moved.Count > 0)
        {
            // A UTC day's moved hours all fall in the same other interval: each day's are summed to one row per group,
            // counted at its first moved hour and taken away at the day's hour.
            var moved = string.Join(", ", reads.Moved.Select(h => h.ToString(CultureInfo.InvariantCulture)));
            parts.Add($"""
                SELECT CASE WHEN s.sign = 1 THEN m.hour ELSE m.day * 24 + {reads.DayHour.ToString(CultureInfo.InvariantCulture)} END, {string.Join("", dimensions.Select(d => $"m.{d}, "))}{string.Join(", ", SumColumns.Select(c => $"m.{c} * s.sign"))}
                FROM (SELECT MIN(hour) AS hour, hour / 24 AS day, {selected}{string.Join(", ", SumColumns.Select(c => string.Format(CultureInfo.InvariantCulture, sum, c) + " AS " + c))}
                  FROM {tables.Hours} WHERE {tables.Slice}hour IN ({moved}){filters} GROUP BY hour / 24{string.Join("", dimensions.Select(d => ", " + d))}) m
                CROSS JOIN (SELECT 1 AS sign UNION ALL SELECT -1) s
                """);
        }

        return $"""
            SELECT {time}, {selected}{string.Join(", ", SumColumns.Select(c => string.Format(CultureInfo.InvariantCulture, sum, c)))}
            FROM ({string.Join("\nUNION ALL\n", parts)}) u
            {(grouping.Count > 0 ? "GROUP BY " + string.Join(", ", grouping) : "HAVING COUNT(*) > 0")}
            """;
    }

    /// <summary>The filters that are set, with their column and parameter name.</summary>
    public static IEnumerable<(string Column, string Name, object Value)> Parameters(UsageRequest request)
    {
        if (request.InitiatorId is { } initiator)
        {
            yield return ("initiator_id", "@initiator", initiator);
        }

        if (request.Provider is { } provider)
        {
            yield return ("provider", "@provider", provider);
        }

        if (request.Model is { } model)
        {
            yield return ("model", "@model", model);
        }

        if (request.Client is { } client)
        {
            yield return ("client", "@client", client);
        }
    }

    public static string Column(UsageDimension dimension) => dimension switch
    {
        UsageDimension.User => "initiator_id",
        UsageDimension.Provider => "provider",
        UsageDimension.Model => "model",
        _ => "client",
    };

    /// <summary>
    /// Local days (each hour shifted by the offset in force at it, divided into days), then the first of
    /// the week or month each is in: a report sums its intervals here, where a sum per day would send a
    /// row per day and group.
    /// </summary>
    private static string TimeExpression(UsageSumQuery query)
    {
        switch (query.TimeKey)
        {
            case UsageTimeKey.None:
                return "0";
            case UsageTimeKey.Hour:
                return "hour";
        }

        var offsets = query.Zone.Offsets;
        var offset = offsets.Count == 1
            ? Invariant($"{offsets[0].Hours}")
            : "CASE " + string.Join(" ", offsets.Skip(1).Select((o, i) => Invariant($"WHEN hour < {o.FromHour} THEN {offsets[i].Hours}")))
              + Invariant($" ELSE {offsets[^1].Hours} END");
        var day = $"(hour + {offset}) / 24";
        return query.Request.Interval switch
        {
            // Day 0, 1970-01-01, was a Thursday: three days after a Monday.
            UsageInterval.Week => $"({day} + 3) / 7 * 7 - 3",
            UsageInterval.Month => MonthOf(day, query.Request),
            _ => day,
        };
    }

    /// <summary>The first local day of the month of <paramref name="day"/>: the latest of the window's month starts at or before it.</summary>
    private static string MonthOf(string day, UsageRequest request)
    {
        var last = DateOnly.FromDayNumber(ZoneHours.UnixDay + (int)UsageRollupReads.LocalDay(request.Zone, request.ToHour - 1));
        var starts = new List<long>();
        for (var month = UsageReportBuilder.FirstDayOf(UsageInterval.Month, UsageRollupReads.LocalDay(request.Zone, request.FromHour)); month <= last; month = month.AddMonths(1))
        {
            starts.Add(month.DayNumber - ZoneHours.UnixDay);
        }

        // A window within one month still gets a WHEN that reads the hour: SQL Server groups by no constant.
        var whens = starts.Skip(1).Reverse().DefaultIfEmpty(starts[0]).Select(start => Invariant($"WHEN {day} >= {start} THEN {start}"));
        return Invariant($"CASE {string.Join(" ", whens)} ELSE {starts[0]} END");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

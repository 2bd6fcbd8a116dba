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
            // Each moved hour read once, summed to the report's dimensions, then counted twice.
            var moved = string.Join(", ", reads.Moved.Select(h => h.ToString(CultureInfo.InvariantCulture)));
            parts.Add($"""
                SELECT CASE WHEN s.sign = 1 THEN m.hour ELSE m.hour / 24 * 24 + {reads.DayHour.ToString(CultureInfo.InvariantCulture)} END, {string.Join("", dimensions.Select(d => $"m.{d}, "))}{string.Join(", ", SumColumns.Select(c => $"m.{c} * s.sign"))}
                FROM (SELECT hour, {selected}{string.Join(", ", SumColumns.Select(c => string.Format(CultureInfo.InvariantCulture, sum, c) + " AS " + c))}
                  FROM {tables.Hours} WHERE {tables.Slice}hour IN ({moved}){filters} GROUP BY hour{string.Join("", dimensions.Select(d => ", " + d))}) m
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

    /// <summary>Local days: each hour shifted by the offset in force at it, divided into days.</summary>
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
        return $"(hour + {offset}) / 24";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

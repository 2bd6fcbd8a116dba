using System.Globalization;
using AIBridge.Application.Usage;
using AIBridge.Domain.Usage;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>
/// The usage reports' one statement over the hourly roll-up, in SQL that PostgreSQL, SQLite and SQL
/// Server all run: a range of hours, the filters, and a GROUP BY of the time key and the dimensions.
/// </summary>
/// <remarks>
/// Numbers in the text are the request's own hours and offsets, written as literals: SQL Server refuses
/// parameters inside a GROUP BY expression. Filter values are parameters (<see cref="Parameters"/>).
/// </remarks>
internal static class UsageQueries
{
    public static readonly string[] SumColumns =
    [
        "interceptions", "prompts", "tool_calls", "injected_tool_calls", "input_tokens", "output_tokens",
        "cache_read_input_tokens", "cache_write_input_tokens", "cost_micros", "unpriced_usage_count",
        .. Enumerable.Range(0, TtfbHistogram.Buckets).Select(TtfbHistogram.Column),
    ];

    public static string Sum(UsageSumQuery query)
    {
        var request = query.Request;
        var time = TimeExpression(query);
        var dimensions = request.GroupBy.Select(Column).ToList();
        var grouping = (query.TimeKey == UsageTimeKey.None ? [] : new[] { time }).Concat(dimensions).ToList();
        var where = new List<string>
        {
            Invariant($"hour >= {request.FromHour}"),
            Invariant($"hour < {request.ToHour}"),
        };
        where.AddRange(Parameters(request).Select(p => $"{p.Column} = {p.Name}"));
        return $"""
            SELECT {time}, {string.Join("", dimensions.Select(d => d + ", "))}{string.Join(", ", SumColumns.Select(c => $"CAST(SUM({c}) AS BIGINT)"))}
            FROM aibridge_usage_hours
            WHERE {string.Join(" AND ", where)}
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

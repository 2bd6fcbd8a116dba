using AIBridge.Domain.Usage;
using AIBridge.Infrastructure.Persistence.Providers;

namespace AIBridge.Infrastructure.Persistence.Rollups;

/// <summary>
/// Fills the hourly usage roll-up from the interceptions already stored, as the recorder would have, the
/// daily roll-up from the hours, and the slices from both: the latest migration that changes each runs
/// its part (frozen, see <c>MigrationSql</c>), and so do benchmarks that seed raw rows with SQL.
/// </summary>
public static class UsageRollupBackfill
{
    public static string[] Statements(DatabaseProvider provider)
    {
        var hour = provider switch
        {
            DatabaseProvider.Postgres => "CAST(floor(extract(epoch FROM i.started_at) / 3600) AS bigint)",
            DatabaseProvider.SqlServer => "DATEDIFF_BIG(hour, '1970-01-01', i.started_at)",
            _ => "(CAST(strftime('%s', i.started_at) AS INTEGER) / 3600)",
        };
        var injected = provider == DatabaseProvider.Postgres ? "injected" : "injected = 1";
        var histogram = Enumerable.Range(0, TtfbHistogram.Buckets).Select(b =>
        {
            var above = b == 0 ? "" : $" AND i.ttfb_ms > {TtfbHistogram.Bounds[b - 1]}";
            var upTo = b < TtfbHistogram.Bounds.Length ? $" AND i.ttfb_ms <= {TtfbHistogram.Bounds[b]}" : "";
            return $"SUM(CASE WHEN i.ttfb_ms IS NOT NULL{above}{upTo} THEN 1 ELSE 0 END)";
        });
        var columns = string.Join(", ", Enumerable.Range(0, TtfbHistogram.Buckets).Select(TtfbHistogram.Column));
        return
        [
            "DELETE FROM aibridge_usage_hours",
            $"""
            INSERT INTO aibridge_usage_hours (hour, initiator_id, provider, provider_name, model, client, interceptions, prompts, tool_calls,
              injected_tool_calls, input_tokens, output_tokens, cache_read_input_tokens, cache_write_input_tokens, cost_micros,
              unpriced_usage_count, priced_usage_count, reserved_micros, {columns})
            SELECT {hour}, i.initiator_id, i.provider, i.provider_name, i.model, COALESCE(i.client, 'Unknown'),
              COUNT(*), COALESCE(SUM(p.prompts), 0), COALESCE(SUM(c.client_calls), 0), COALESCE(SUM(c.injected_calls), 0),
              COALESCE(SUM(t.input_tokens), 0), COALESCE(SUM(t.output_tokens), 0), COALESCE(SUM(t.cache_read), 0), COALESCE(SUM(t.cache_write), 0),
              SUM(t.cost_micros), COALESCE(SUM(t.unpriced), 0), COALESCE(SUM(t.priced), 0), 0,
              {string.Join(", ", histogram)}
            FROM aibridge_interceptions AS i
            LEFT JOIN (SELECT interception_id, COUNT(*) AS prompts FROM aibridge_user_prompts GROUP BY interception_id) AS p
              ON p.interception_id = i.id
            LEFT JOIN (SELECT interception_id, SUM(CASE WHEN {injected} THEN 0 ELSE 1 END) AS client_calls,
                SUM(CASE WHEN {injected} THEN 1 ELSE 0 END) AS injected_calls
              FROM aibridge_tool_usages GROUP BY interception_id) AS c
              ON c.interception_id = i.id
            LEFT JOIN (SELECT interception_id, SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens,
                SUM(cache_read_input_tokens) AS cache_read, SUM(cache_write_input_tokens) AS cache_write, SUM(cost_micros) AS cost_micros,
                SUM(CASE WHEN cost_micros IS NULL THEN 1 ELSE 0 END) AS unpriced, SUM(CASE WHEN cost_micros IS NULL THEN 0 ELSE 1 END) AS priced
              FROM aibridge_token_usages GROUP BY interception_id) AS t
              ON t.interception_id = i.id
            GROUP BY {hour}, i.initiator_id, i.provider, i.provider_name, i.model, COALESCE(i.client, 'Unknown')
            """,
            .. Days,
        ];
    }

    private const string Keys = "initiator_id, provider, provider_name, model, client";

    private static readonly string Sums = "interceptions, prompts, tool_calls, injected_tool_calls, input_tokens, output_tokens, cache_read_input_tokens, "
        + "cache_write_input_tokens, cost_micros, unpriced_usage_count, priced_usage_count, "
        + string.Join(", ", Enumerable.Range(0, TtfbHistogram.Buckets).Select(TtfbHistogram.Column));

    /// <summary>The daily roll-up from the hourly one.</summary>
    public static string[] Days =>
    [
        "DELETE FROM aibridge_usage_days",
        $"""
        INSERT INTO aibridge_usage_days (day, {Keys}, {Sums})
        SELECT hour / 24, {Keys}, {string.Join(", ", Sums.Split(", ").Select(c => $"SUM({c})"))}
        FROM aibridge_usage_hours
        GROUP BY hour / 24, {Keys}
        """,
    ];

    /// <summary>The hourly slices from the hourly roll-up and the daily ones from the daily roll-up.</summary>
    public static string[] Slices(DatabaseProvider provider)
    {
        var noUser = provider switch
        {
            DatabaseProvider.Postgres => "CAST('00000000-0000-0000-0000-000000000000' AS uuid)",
            DatabaseProvider.SqlServer => "CAST('00000000-0000-0000-0000-000000000000' AS uniqueidentifier)",
            _ => "'00000000-0000-0000-0000-000000000000'",
        };
        (string Slices, string From, string Time)[] tables = [("aibridge_usage_hour_slices", "aibridge_usage_hours", "hour"), ("aibridge_usage_day_slices", "aibridge_usage_days", "day")];
        return
        [
            .. tables.Select(t => $"DELETE FROM {t.Slices}"),
            .. UsageSlices.Kept.SelectMany(kept => tables.Select(t =>
            {
                string Key(UsageDimensions dimension, string column, string none) => kept.HasFlag(dimension) ? column : none;
                var grouped = new[] { (UsageDimensions.User, "initiator_id"), (UsageDimensions.Provider, "provider"), (UsageDimensions.Model, "model"), (UsageDimensions.Client, "client") }
                    .Where(d => kept.HasFlag(d.Item1)).Select(d => ", " + d.Item2);
                return $"""
                    INSERT INTO {t.Slices} (dimensions, {t.Time}, {Keys}, {Sums})
                    SELECT {(int)kept}, {t.Time}, {Key(UsageDimensions.User, "initiator_id", noUser)}, {Key(UsageDimensions.Provider, "provider", "''")}, '',
                      {Key(UsageDimensions.Model, "model", "''")}, {Key(UsageDimensions.Client, "client", "''")}, {string.Join(", ", Sums.Split(", ").Select(c => $"SUM({c})"))}
                    FROM {t.From}
                    GROUP BY {t.Time}{string.Concat(grouped)}
                    """;
            })),
        ];
    }
}

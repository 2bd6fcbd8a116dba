using System.Globalization;
using AIBridge.Domain.Usage;
using AIBridge.Infrastructure.Persistence.Providers;
using AIBridge.Infrastructure.Persistence.Rollups;

namespace AIBridge.Benchmarks;

/// <summary>
/// Q1's hourly and daily usage roll-ups and their slices alone, as the recorder would have kept it for <see cref="AuditSeed"/>'s
/// interceptions (same users, providers, models, clients, tokens and cost, three seconds apart), in hour
/// order as the recorder writes it. Usage reports read nothing else, so they are timed on it without
/// seeding the interceptions themselves.
/// </summary>
public static class UsageRollupSeed
{
    private static readonly string Histogram = string.Join(", ", Enumerable.Range(0, TtfbHistogram.Buckets).Select(TtfbHistogram.Column));
    private static readonly string NoLatency = string.Join(", ", Enumerable.Repeat("0", TtfbHistogram.Buckets));

    private const string Sums = """
        COUNT(*), SUM(CASE WHEN n%10 IN (0,4,7) THEN 1 ELSE 0 END), SUM(CASE WHEN n%10 NOT IN (3,6,9) THEN 1 ELSE 0 END), 0,
        SUM(100+n%50), SUM(20+n%30), SUM(n%1000), SUM(n%100),
        SUM(CASE WHEN n%50 = 0 THEN NULL ELSE 3*(100+n%50) + 15*(20+n%30) END), SUM(CASE WHEN n%50 = 0 THEN 1 ELSE 0 END),
        SUM(CASE WHEN n%50 = 0 THEN 0 ELSE 1 END), 0
        """;

    private static string Insert(string keys) => $"""
        INSERT INTO aibridge_usage_hours (hour, initiator_id, provider, provider_name, model, client, interceptions, prompts, tool_calls,
          injected_tool_calls, input_tokens, output_tokens, cache_read_input_tokens, cache_write_input_tokens, cost_micros,
          unpriced_usage_count, priced_usage_count, reserved_micros, {Histogram})
        SELECT hour, initiator, provider, provider, model, client, {Sums}, {NoLatency}
        FROM ({keys}) s
        GROUP BY hour, initiator, provider, model, client
        ORDER BY hour, initiator, provider, model, client
        """;

    public static string[] Postgres(int n) =>
    [
        AuditSeed.Postgres(n)[0],
        Insert(string.Create(CultureInfo.InvariantCulture, $"""
            SELECT n, (1735689600 + n*3) / 3600 AS hour,
              CASE WHEN (n/10)%20 = 0 THEN (SELECT id FROM users WHERE username='bench') ELSE md5('u'||((n/10)%20))::uuid END AS initiator,
              CASE WHEN (n/10)%3=0 THEN 'openai' ELSE 'anthropic' END AS provider,
              (array['claude-sonnet-4','claude-opus-4','gpt-5','gpt-4.1','claude-haiku-4'])[1+(n%5)] AS model,
              CASE WHEN (n/10)%7=0 THEN 'Unknown' ELSE (array['Claude Code','Codex','Cursor','GitHub Copilot'])[1+((n/10)%4)] END AS client
            FROM generate_series(0, {n - 1}) n
            """)),
        .. UsageRollupBackfill.Days,
        .. UsageRollupBackfill.Slices(DatabaseProvider.Postgres),
        "vacuum analyze",
    ];

    public static string[] Sqlite(int n) =>
    [
        AuditSeed.Sqlite(n)[0],
        Insert(string.Create(CultureInfo.InvariantCulture, $"""
            WITH RECURSIVE r(n) AS (SELECT 0 UNION ALL SELECT n+1 FROM r WHERE n < {n - 1})
            SELECT n, (1735689600 + n*3) / 3600 AS hour,
              CASE WHEN (n/10)%20 = 0 THEN (SELECT id FROM users WHERE username='bench') ELSE printf('00000000-0000-4000-8000-%012X', (n/10)%20) END AS initiator,
              CASE WHEN (n/10)%3=0 THEN 'openai' ELSE 'anthropic' END AS provider,
              CASE n%5 WHEN 0 THEN 'claude-sonnet-4' WHEN 1 THEN 'claude-opus-4' WHEN 2 THEN 'gpt-5' WHEN 3 THEN 'gpt-4.1' ELSE 'claude-haiku-4' END AS model,
              CASE WHEN (n/10)%7=0 THEN 'Unknown' ELSE CASE (n/10)%4 WHEN 0 THEN 'Claude Code' WHEN 1 THEN 'Codex' WHEN 2 THEN 'Cursor' ELSE 'GitHub Copilot' END END AS client
            FROM r
            """)),
        .. UsageRollupBackfill.Days,
        .. UsageRollupBackfill.Slices(DatabaseProvider.Sqlite),
        "analyze",
    ];
}

using System.Globalization;
using AIBridge.Domain.Interceptions;
using AIBridge.Domain.Usage;

namespace AIBridge.FunctionalTests.Usage;

/// <summary>
/// What a usage report must say, computed from the raw rows alone: each interception put in its bucket by
/// converting its start into the zone's local time, as a spreadsheet would.
/// </summary>
public static class UsageOracle
{
    public sealed record Figures(long Interceptions, long Prompts, long ToolCalls, long Input, long Output, long CacheRead, long CacheWrite,
        long? Cost, long Unpriced, int? P50, int? P95);

    public static Dictionary<string, Figures> Buckets(IEnumerable<Interception> rows, string interval, string[] groupBy, TimeZoneInfo zone, DateTime windowStart)
    {
        return rows.GroupBy(i => Key(i, interval, groupBy, zone, windowStart)).ToDictionary(g => g.Key, g => Sum(g));
    }

    public static Figures Sum(IEnumerable<Interception> rows)
    {
        var list = rows.ToList();
        var usages = list.SelectMany(i => i.TokenUsages).ToList();
        var priced = usages.Where(u => u.CostMicros is not null).ToList();
        var histogram = new long[TtfbHistogram.Buckets];
        foreach (var ms in list.Where(i => i.TtfbMs is not null).Select(i => i.TtfbMs!.Value))
        {
            histogram[Array.FindIndex(TtfbHistogram.Bounds, b => ms <= b) is var at and >= 0 ? at : TtfbHistogram.Bounds.Length]++;
        }

        return new Figures(
            list.Count, list.Sum(i => i.UserPrompts.Count), list.Sum(i => i.ToolUsages.Count(t => !t.Injected)),
            usages.Sum(u => u.InputTokens), usages.Sum(u => u.OutputTokens), usages.Sum(u => u.CacheReadInputTokens), usages.Sum(u => u.CacheWriteInputTokens),
            priced.Count > 0 ? priced.Sum(u => u.CostMicros!.Value) : usages.Count > priced.Count ? null : 0,
            usages.Count - priced.Count, TtfbHistogram.Percentile(histogram, 0.5), TtfbHistogram.Percentile(histogram, 0.95));
    }

    public static string Key(Interception i, string interval, string[] groupBy, TimeZoneInfo zone, DateTime windowStart)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(i.StartedAt, zone);
        DateTime start = interval switch
        {
            "none" => windowStart,
            "hour" => new DateTime(i.StartedAt.Year, i.StartedAt.Month, i.StartedAt.Day, i.StartedAt.Hour, 0, 0, DateTimeKind.Utc),
            "day" => TimeZoneInfo.ConvertTimeToUtc(local.Date, zone),
            "week" => TimeZoneInfo.ConvertTimeToUtc(local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)), zone),
            _ => TimeZoneInfo.ConvertTimeToUtc(new DateTime(local.Year, local.Month, 1), zone),
        };
        var parts = groupBy.Select(d => d switch
        {
            "user" => i.InitiatorId.ToString(),
            "provider" => i.Provider,
            "model" => i.Model,
            _ => i.Client ?? "Unknown",
        });
        return string.Join("|", [start.ToString("O", CultureInfo.InvariantCulture), .. parts]);
    }
}

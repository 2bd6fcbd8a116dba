using System.Globalization;
using System.Text.Json;
using AIBridge.Domain.Interceptions;
using AIBridge.Domain.Usage;
using AIBridge.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.FunctionalTests.Usage;

/// <summary>
/// <c>/usage</c> read from the hourly and daily roll-ups agrees with the raw rows for random traffic sent through the
/// gateway over two days that hold New York's and Berlin's spring clock changes, for many windows,
/// intervals, zones, groupings and filters.
/// </summary>
public abstract class UsageReportTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly string[] Zones = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney"];
    private static readonly string[] Intervals = ["none", "hour", "day", "week", "month"];
    private static readonly string[] Dimensions = ["user", "provider", "model", "client"];

    /// <summary>
    /// New York springs forward at 07:00Z on 2026-03-08, Berlin at 01:00Z on 2026-03-29; New York falls
    /// back at 06:00Z on 2026-11-01, the first day of a month.
    /// </summary>
    private static readonly DateTime[] Days =
        [new(2026, 3, 7, 12, 0, 0, DateTimeKind.Utc), new(2026, 3, 28, 12, 0, 0, DateTimeKind.Utc), new(2026, 10, 31, 18, 0, 0, DateTimeKind.Utc)];

    [Fact]
    public async Task Roll_up_totals_equal_the_raw_rows_over_random_windows_zones_and_groupings()
    {
        var random = new Random(20261204);
        await using var upstream = new FakeUpstream(keepRequests: false);
        await upstream.StartAsync();
        var clock = new ShiftedClock();
        await using var host = UsageTraffic.Host(Fixture, upstream, clock);
        var api = new ApiClient(host);
        var owner = await api.CreateOwnerAsync();
        var members = new[] { await api.CreateUserAsync(owner, "ana"), await api.CreateUserAsync(owner, "bo") };
        var tokens = new[] { await api.CreateTokenAsync(owner), await api.CreateTokenAsync(members[0]), await api.CreateTokenAsync(members[1]) };
        var traffic = new UsageTraffic(upstream, clock, host.CreateClient());

        var ids = new List<Guid>();
        foreach (var day in Days)
        {
            for (var n = 0; n < 30; n++)
            {
                // Across 36 hours around the clock change, a few at an hour's last second.
                var at = day.AddMinutes(random.Next(-18 * 60, 18 * 60)).AddSeconds(n % 5 == 0 ? 59 * 60 + 59 : random.Next(3600));
                ids.Add(await traffic.SendAsync(random, at, tokens[random.Next(tokens.Length)]));
            }
        }

        var rows = await RecordedAsync(ids);
        rows.Select(r => UsageHourOf(r.StartedAt)).Distinct().Count().Should().BeGreaterThan(20, "the traffic spans many hours");
        await TheDaysAreTheHoursSummedAsync();
        await TheSlicesAreTheRollUpsSummedAsync();

        for (var round = 0; round < 60; round++)
        {
            var zone = Zones[random.Next(Zones.Length)];
            var interval = Intervals[random.Next(Intervals.Length)];
            var groupBy = Dimensions.OrderBy(_ => random.Next()).Take(random.Next(3)).ToArray();
            var day = Days[random.Next(Days.Length)];
            var after = day.AddHours(-random.Next(1, 30)).AddMinutes(random.Next(60));
            var before = day.AddHours(random.Next(1, 30)).AddMinutes(random.Next(60));
            var filters = new List<string> { $"started_after:\"{Rfc3339(after)}\"", $"started_before:\"{Rfc3339(before)}\"" };
            Func<Interception, bool> filter = _ => true;
            switch (random.Next(4))
            {
                case 0:
                    var model = rows[random.Next(rows.Count)].Model;
                    filters.Add($"model:{model}");
                    filter = i => i.Model == model;
                    break;
                case 1:
                    filters.Add("initiator:ana");
                    filter = i => i.InitiatorId == members[0].Id;
                    break;
            }

            var query = $"/api/v2/aibridge/usage?interval={interval}&tz={zone}&q={Uri.EscapeDataString(string.Join(' ', filters))}"
                + (groupBy.Length > 0 ? "&group_by=" + string.Join(',', groupBy) : "");
            var report = await api.GetOkAsync(owner, query);

            var windowStart = Hour(after);
            var windowEnd = Hour(before) == before ? before : Hour(before).AddHours(1);
            report.GetProperty("started_after").GetDateTime().Should().Be(windowStart);
            report.GetProperty("started_before").GetDateTime().Should().Be(windowEnd);
            var inWindow = rows.Where(r => r.StartedAt >= windowStart && r.StartedAt < windowEnd && filter(r)).ToList();
            var because = $"round {round}: {query}";
            Figures(report.GetProperty("totals")).Should().Be(UsageOracle.Sum(inWindow), because);
            var expected = UsageOracle.Buckets(inWindow, interval, groupBy, TimeZoneInfo.FindSystemTimeZoneById(zone), windowStart);
            var actual = report.GetProperty("buckets").EnumerateArray().ToDictionary(b => Key(b, groupBy), Figures);
            actual.Should().BeEquivalentTo(expected, because);
        }
    }

    private async Task<List<Interception>> RecordedAsync(List<Guid> ids)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = Fixture.CreateDbContext();
            var rows = await db.Interceptions.AsNoTracking().Include(i => i.TokenUsages).Include(i => i.UserPrompts).Include(i => i.ToolUsages)
                .Where(i => i.EndedAt != null).ToListAsync();
            if (rows.Count == ids.Count || attempt == 300)
            {
                rows.Select(r => r.Id).Should().BeEquivalentTo(ids);
                return rows;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Reports read whole days from the daily roll-up: the recorder keeps it equal to its hours.</summary>
    private async Task TheDaysAreTheHoursSummedAsync()
    {
        await using var db = Fixture.CreateDbContext();
        var hours = await db.UsageHours.AsNoTracking().ToListAsync();
        var days = await db.UsageDays.AsNoTracking().ToListAsync();
        days.Should().NotBeEmpty();
        days.Select(Figures).Should().BeEquivalentTo(hours.GroupBy(h => (h.Hour / 24, h.InitiatorId, h.Provider, h.ProviderName, h.Model, h.Client)).Select(g => (
            g.Key.Item1, g.Key.InitiatorId, g.Key.Provider, g.Key.ProviderName, g.Key.Model, g.Key.Client,
            g.Sum(h => h.Interceptions), g.Sum(h => h.Prompts), g.Sum(h => h.ToolCalls + h.InjectedToolCalls),
            g.Sum(h => h.InputTokens + h.OutputTokens + h.CacheReadInputTokens + h.CacheWriteInputTokens),
            g.Any(h => h.CostMicros is not null) ? g.Sum(h => h.CostMicros ?? 0) : (long?)null,
            g.Sum(h => h.UnpricedUsageCount), g.Sum(h => h.PricedUsageCount))));

        static (long, Guid, string, string, string, string, long, long, long, long, long?, long, long) Figures(Domain.Usage.UsageDay d) => (
            d.Day, d.InitiatorId, d.Provider, d.ProviderName, d.Model, d.Client, d.Interceptions, d.Prompts, d.ToolCalls + d.InjectedToolCalls,
            d.InputTokens + d.OutputTokens + d.CacheReadInputTokens + d.CacheWriteInputTokens, d.CostMicros, d.UnpricedUsageCount, d.PricedUsageCount);
    }

    /// <summary>Reports by at most two dimensions read the slices: each is its roll-up summed over the others.</summary>
    private async Task TheSlicesAreTheRollUpsSummedAsync()
    {
        await using var db = Fixture.CreateDbContext();
        var hours = await db.UsageHours.AsNoTracking().ToListAsync();
        var days = await db.UsageDays.AsNoTracking().ToListAsync();
        var hourSlices = await db.UsageHourSlices.AsNoTracking().ToListAsync();
        var daySlices = await db.UsageDaySlices.AsNoTracking().ToListAsync();
        hourSlices.Select(s => s.Dimensions).Distinct().Should().BeEquivalentTo(UsageSlices.Kept);
        hourSlices.Concat<UsageTotals>(daySlices).Should().OnlyContain(s => s.ProviderName.Length == 0, "reports group by provider type, not by name");
        foreach (var kept in UsageSlices.Kept)
        {
            hourSlices.Where(s => s.Dimensions == kept).Select(s => Figures(s.Hour, s)).Should()
                .BeEquivalentTo(hours.GroupBy(h => Slice(kept, h.Hour, h)).Select(g => Summed(g.Key, g)), kept.ToString());
            daySlices.Where(s => s.Dimensions == kept).Select(s => Figures(s.Day, s)).Should()
                .BeEquivalentTo(days.GroupBy(d => Slice(kept, d.Day, d)).Select(g => Summed(g.Key, g)), kept.ToString());
        }

        static (long, Guid, string, string, string) Slice(UsageDimensions kept, long time, UsageTotals t) => (time,
            kept.HasFlag(UsageDimensions.User) ? t.InitiatorId : Guid.Empty, kept.HasFlag(UsageDimensions.Provider) ? t.Provider : "",
            kept.HasFlag(UsageDimensions.Model) ? t.Model : "", kept.HasFlag(UsageDimensions.Client) ? t.Client : "");

        static ((long, Guid, string, string, string), long, long, long, long, long, long?, long, long) Figures(long time, UsageTotals t) =>
            Summed((time, t.InitiatorId, t.Provider, t.Model, t.Client), [t]);

        static ((long, Guid, string, string, string), long, long, long, long, long, long?, long, long) Summed(
            (long, Guid, string, string, string) key, IEnumerable<UsageTotals> rows) => (key,
            rows.Sum(r => r.Interceptions), rows.Sum(r => r.Prompts), rows.Sum(r => r.ToolCalls), rows.Sum(r => r.InjectedToolCalls),
            rows.Sum(r => r.InputTokens + r.OutputTokens + r.CacheReadInputTokens + r.CacheWriteInputTokens),
            rows.Any(r => r.CostMicros is not null) ? rows.Sum(r => r.CostMicros ?? 0) : null,
            rows.Sum(r => r.UnpricedUsageCount), rows.Sum(r => r.PricedUsageCount));
    }

    private static long UsageHourOf(DateTime at) => Domain.Usage.UsageHours.Of(at);

    private static DateTime Hour(DateTime at) => new(at.Year, at.Month, at.Day, at.Hour, 0, 0, DateTimeKind.Utc);

    private static string Rfc3339(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Key(JsonElement bucket, string[] groupBy) => string.Join("|",
    [
        bucket.GetProperty("start").GetDateTime().ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        .. groupBy.Select(d => d == "user" ? bucket.GetProperty("initiator").GetProperty("id").GetString()! : bucket.GetProperty(d).GetString()!),
    ]);

    private static UsageOracle.Figures Figures(JsonElement f) => new(
        f.GetProperty("interceptions").GetInt64(), f.GetProperty("prompts").GetInt64(), f.GetProperty("tool_calls").GetInt64(),
        f.GetProperty("input_tokens").GetInt64(), f.GetProperty("output_tokens").GetInt64(), f.GetProperty("cache_read_input_tokens").GetInt64(),
        f.GetProperty("cache_write_input_tokens").GetInt64(), Nullable(f, "cost_micros"), f.GetProperty("unpriced_usage_count").GetInt64(),
        (int?)Nullable(f, "ttfb_ms_p50"), (int?)Nullable(f, "ttfb_ms_p95"));

    private static long? Nullable(JsonElement f, string name) => f.GetProperty(name).ValueKind == JsonValueKind.Null ? null : f.GetProperty(name).GetInt64();
}

[Collection(SqliteCollection.Name)]
public sealed class UsageReportTests_Sqlite(SqliteFixture fixture) : UsageReportTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class UsageReportTests_Postgres(PostgresFixture fixture) : UsageReportTests(fixture);

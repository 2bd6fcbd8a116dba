using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AIBridge.FunctionalTests.Gateway;
using AIBridge.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.FunctionalTests.Audit;

/// <summary>
/// A Claude-Code-shaped session sent through the gateway, its provider answering with the cache use a real
/// one would report, read back as the session's cache report. Its own host runs on a clock the test moves
/// forward, so that a cache entry's five minutes can pass between two turns.
/// </summary>
public abstract class SessionCacheTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    [Fact]
    public async Task Each_kind_of_bust_is_named_and_a_warm_turn_is_not_one()
    {
        var clock = new ShiftedClock();
        var upstream = Upstream.BaseAddress.ToString().TrimEnd('/');
        await using var host = new AIBridgeFactory(Fixture.Provider, Fixture.ConnectionString,
            ("AIBridge:Providers:anthropic:Type", "anthropic"), ("AIBridge:Providers:anthropic:BaseUrl", upstream),
            ("AIBridge:Providers:anthropic:ApiKey", DatabaseFixture.AnthropicKey), ("AIBridge:Recording:MaxBatchDelay", "00:00:00.005"))
        {
            Clock = clock,
        };
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Token);
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("claude-cli", "2.0.0"));

        var cold = await TurnAsync(client, "system A", "Read", read: 0, write: 10_000);
        var warm = await TurnAsync(client, "system A", "Read", read: 10_000, write: 300);
        clock.Offset = TimeSpan.FromMinutes(6);
        var expired = await TurnAsync(client, "system A", "Read", read: 0, write: 10_500);
        var system = await TurnAsync(client, "system B", "Read", read: 0, write: 10_800);
        var tools = await TurnAsync(client, "system B", "Bash", read: 0, write: 11_000);
        var prefix = await TurnAsync(client, "system B", "Bash", read: 0, write: 11_200);
        foreach (var id in new[] { cold, warm, expired, system, tools, prefix })
        {
            await RecordedAsync(id);
        }

        var report = await Api.GetOkAsync(Owner, "/api/v2/aibridge/sessions/cc-cache-1/cache");

        report.GetProperty("session_id").GetString().Should().Be("cc-cache-1");
        var turns = report.GetProperty("turns").EnumerateArray().ToList();
        turns.Select(t => t.GetProperty("interception_id").GetGuid()).Should().Equal(cold, warm, expired, system, tools, prefix);
        turns.Select(t => t.GetProperty("bust").ValueKind == System.Text.Json.JsonValueKind.Null ? null : t.GetProperty("bust").GetProperty("reason").GetString())
            .Should().Equal(null, null, "ttl_expired", "system_changed", "tools_changed", "prefix_changed");
        report.GetProperty("bust_count").GetInt32().Should().Be(4);
        turns[1].GetProperty("hit_ratio").GetDouble().Should().BeApproximately(10_000 / 10_400.0, 1e-9);
        report.GetProperty("bust_cost_micros").GetInt64().Should().BeGreaterThan(0, "claude-sonnet-4-5 is priced");
        await using (var db = Fixture.CreateDbContext())
        {
            var ids = new[] { cold, warm, expired, system, tools, prefix };
            var stored = await db.TokenUsages.Where(t => ids.Contains(t.InterceptionId)).ToListAsync();
            turns.Select(t => t.GetProperty("cost_micros").GetInt64()).Should()
                .Equal(ids.Select(id => stored.Where(u => u.InterceptionId == id).Sum(u => u.CostMicros!.Value)), "each turn's cost as recorded");
            report.GetProperty("cost_micros").GetInt64().Should().Be(stored.Sum(u => u.CostMicros!.Value)).And.BeGreaterThan(0);
        }

        (await Api.As(await Api.LoginAsync((await Api.CreateUserAsync(Owner, "mel")).Email)).GetAsync("/api/v2/aibridge/sessions/cc-cache-1/cache"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound, "members read no session");
    }

    private async Task<Guid> TurnAsync(HttpClient client, string system, string tool, long read, long write)
    {
        Upstream.RespondWithJson($$$"""
            {"id":"msg_c","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":100,"cache_read_input_tokens":{{{read}}},"cache_creation_input_tokens":{{{write}}},"output_tokens":5}}
            """);
        var body = $$$"""
            {"model":"claude-sonnet-4-5","max_tokens":50,"system":"{{{system}}}","tools":[{"name":"{{{tool}}}","input_schema":{}}],
             "metadata":{"user_id":"{\"device_id\":\"d1\",\"session_id\":\"cc-cache-1\"}"},"messages":[{"role":"user","content":"turn"}]}
            """;
        using var response = await client.PostAsync("/api/v2/aibridge/anthropic/v1/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return InterceptionId(response);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SessionCacheTests_Sqlite(SqliteFixture fixture) : SessionCacheTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class SessionCacheTests_Postgres(PostgresFixture fixture) : SessionCacheTests(fixture);

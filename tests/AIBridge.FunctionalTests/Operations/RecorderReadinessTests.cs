using System.Net;
using System.Text;
using AIBridge.FunctionalTests.Gateway;
using AIBridge.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.FunctionalTests.Operations;

/// <summary>
/// /readyz reports a recorder whose writers commit nothing while records wait: here another session holds
/// a lock on the interceptions table, so the writer's batch waits on it, while the database itself still
/// answers (so the database check alone would say ready).
/// </summary>
public abstract class RecorderReadinessTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    [Fact]
    public async Task Readyz_is_503_while_records_wait_without_a_commit_and_200_once_the_writer_catches_up()
    {
        var upstream = Upstream.BaseAddress.ToString().TrimEnd('/');
        await using var host = new AIBridgeFactory(Fixture.Provider, Fixture.ConnectionString,
            ("AIBridge:Providers:anthropic:Type", "anthropic"), ("AIBridge:Providers:anthropic:BaseUrl", upstream),
            ("AIBridge:Providers:anthropic:ApiKey", DatabaseFixture.AnthropicKey), ("AIBridge:Recording:StalledAfter", "00:00:01"));
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Token);
        Upstream.RespondWithJson("""{"id":"msg_r","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":10,"output_tokens":2}}""");
        (await client.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK);

        Guid id;
        await using (var blocker = Fixture.CreateDbContext())
        {
            await using var transaction = await blocker.Database.BeginTransactionAsync();
            await blocker.Database.ExecuteSqlRawAsync("LOCK TABLE aibridge_interceptions IN ACCESS EXCLUSIVE MODE");
            id = await SendAsync(client);

            var waited = await ReadyzAfterAsync(client, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(15));
            waited.Should().BeGreaterThan(TimeSpan.FromSeconds(0.9), "records may wait StalledAfter before the recorder counts as stalled");
            (await client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK, "the process is up");
        }

        await ReadyzAfterAsync(client, HttpStatusCode.OK, TimeSpan.FromSeconds(15));
        await RecordedAsync(id);
    }

    private static async Task<Guid> SendAsync(HttpClient client)
    {
        var body = """{"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}""";
        using var response = await client.PostAsync("/api/v2/aibridge/anthropic/v1/messages", new StringContent(body, Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the gateway answers whatever the recorder does");
        return InterceptionId(response);
    }

    private static async Task<TimeSpan> ReadyzAfterAsync(HttpClient client, HttpStatusCode expected, TimeSpan limit)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while ((await client.GetAsync("/readyz")).StatusCode != expected)
        {
            started.Elapsed.Should().BeLessThan(limit, $"/readyz should turn {expected}");
            await Task.Delay(100);
        }

        return started.Elapsed;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class RecorderReadinessTests_Postgres(PostgresFixture fixture) : RecorderReadinessTests(fixture);

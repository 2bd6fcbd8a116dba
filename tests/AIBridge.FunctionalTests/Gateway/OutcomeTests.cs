using System.Net;
using AIBridge.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>Every interception ends with its outcome, a crashed process's included, and the audit API shows and filters it.</summary>
public abstract class OutcomeTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    [Fact]
    public async Task A_restarted_instance_ends_what_it_left_open_and_nothing_of_other_instances()
    {
        var seeder = new InterceptionSeeder(Fixture);
        var mine = InterceptionSeeder.New(Owner.Id, completed: false);
        mine.GatewayInstance = "gw-a";
        var other = InterceptionSeeder.New(Owner.Id, completed: false, minute: 1);
        other.GatewayInstance = "gw-b";
        var done = InterceptionSeeder.New(Owner.Id, minute: 2);
        done.GatewayInstance = "gw-a";
        await seeder.SaveAsync(mine, other, done);

        // A second process on the same database, starting under the first one's name.
        await using (var restarted = new AIBridgeFactory(Fixture.Provider, Fixture.ConnectionString, ("AIBridge:InstanceId", "gw-a")))
        {
            restarted.StartServer();
        }

        await using var db = Fixture.CreateDbContext();
        var rows = await db.Interceptions.AsNoTracking().ToDictionaryAsync(i => i.Id);
        rows[mine.Id].EndedAt.Should().NotBeNull();
        (rows[mine.Id].StatusCode, rows[mine.Id].ErrorType, rows[mine.Id].ErrorMessage).Should().Be(((int?)null, "gateway_restarted", "gateway restarted"));
        rows[other.Id].EndedAt.Should().BeNull("another instance's call may still be in flight");
        (rows[done.Id].EndedAt, rows[done.Id].ErrorType).Should().Be((done.EndedAt, (string?)null));

        var listed = await Api.GetOkAsync(Owner, "/api/v2/aibridge/interceptions?q=status:failed");
        listed.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).Should().Equal(mine.Id);
        var error = listed.GetProperty("results")[0].GetProperty("error");
        (error.GetProperty("type").GetString(), error.GetProperty("message").GetString()).Should().Be(("gateway_restarted", "gateway restarted"));
    }

    [Fact]
    public async Task Gateway_calls_record_the_instance_and_status_and_the_api_filters_by_status()
    {
        Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
        using var ok = await Client().PostAsync(Gateway("anthropic/v1/messages"), Json("""{"model":"m","messages":[{"role":"user","content":"fine"}]}"""));
        Upstream.RespondWithJson("""{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}""", 429);
        using var limited = await Client().PostAsync(Gateway("anthropic/v1/messages"), Json("""{"model":"m","messages":[{"role":"user","content":"again"}]}"""));
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);

        var completed = await RecordedAsync(InterceptionId(ok));
        var failed = await RecordedAsync(InterceptionId(limited));
        completed.GatewayInstance.Should().NotBeNullOrEmpty();

        var failedOnly = await Api.GetOkAsync(Owner, "/api/v2/aibridge/interceptions?q=status:failed");
        failedOnly.GetProperty("count").GetInt64().Should().Be(1);
        var row = failedOnly.GetProperty("results")[0];
        row.GetProperty("id").GetGuid().Should().Be(failed.Id);
        row.GetProperty("status_code").GetInt32().Should().Be(429);
        row.GetProperty("error").GetProperty("message").GetString().Should().Be("rate_limit_error: slow down");
        row.GetProperty("user_prompts")[0].GetProperty("prompt").GetString().Should().Be("again");

        var completedOnly = await Api.GetOkAsync(Owner, "/api/v2/aibridge/interceptions?q=status:completed");
        completedOnly.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).Should().Equal(completed.Id);
        completedOnly.GetProperty("results")[0].GetProperty("error").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);

        var sessions = await Api.GetOkAsync(Owner, "/api/v2/aibridge/sessions?q=status:failed");
        sessions.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetString()).Should().Equal(failed.SessionId);

        var thread = (await Api.GetOkAsync(Owner, $"/api/v2/aibridge/sessions/{failed.SessionId}")).GetProperty("threads")[0];
        thread.GetProperty("status_code").GetInt32().Should().Be(429);
        thread.GetProperty("error").GetProperty("type").GetString().Should().Be("upstream_error");
    }

    [Fact]
    public async Task An_unknown_status_is_a_validation_error()
    {
        using var response = await Api.As(Owner.Token).GetAsync("/api/v2/aibridge/interceptions?q=status:broken");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("""Query param \"status\" has invalid value: \"broken\" must be completed or failed""");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OutcomeTests_Sqlite(SqliteFixture fixture) : OutcomeTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class OutcomeTests_Postgres(PostgresFixture fixture) : OutcomeTests(fixture);

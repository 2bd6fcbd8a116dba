using System.Net;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>Each interception's time to the provider's first byte and its whole duration, measured from the gateway's receipt.</summary>
public abstract class LatencyTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    [Fact]
    public async Task Ttfb_counts_to_the_response_headers_and_duration_to_the_last_byte_relayed()
    {
        Upstream.Respond(async context =>
        {
            await Task.Delay(300, context.RequestAborted);
            await FakeUpstream.WriteEventsAsync(context, FakeUpstream.SplitEvents(ProviderFixtures.AnthropicStream).Select(System.Text.Encoding.UTF8.GetBytes),
                TimeSpan.FromMilliseconds(20));
        });

        using var response = await Client().PostAsync(Gateway("anthropic/v1/messages"), Json(ProviderFixtures.AnthropicRequest));
        await response.Content.ReadAsStringAsync();
        var recorded = await RecordedAsync(InterceptionId(response));

        recorded.TtfbMs.Should().BeInRange(290, 10_000, "the provider waited 300 ms before its headers (a timer may fire a little early)");
        var events = FakeUpstream.SplitEvents(ProviderFixtures.AnthropicStream).Count();
        recorded.DurationMs.Should().BeGreaterThanOrEqualTo(recorded.TtfbMs!.Value + ((events - 1) * 20), "the events came 20 ms apart after the headers");
        var listed = await Api.GetOkAsync(Owner, "/api/v2/aibridge/interceptions");
        var shown = listed.GetProperty("results").EnumerateArray().Single();
        (shown.GetProperty("ttfb_ms").GetInt32(), shown.GetProperty("duration_ms").GetInt32()).Should().Be((recorded.TtfbMs.Value, recorded.DurationMs!.Value));
    }

    [Fact]
    public async Task Without_a_response_there_is_no_ttfb_but_a_duration()
    {
        Upstream.Respond(context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });

        using var response = await Client().PostAsync(Gateway("anthropic/v1/messages"), Json(ProviderFixtures.AnthropicRequest));

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        var recorded = await RecordedAsync(InterceptionId(response));
        recorded.TtfbMs.Should().BeNull();
        recorded.DurationMs.Should().BeInRange(0, 10_000);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LatencyTests_Sqlite(SqliteFixture fixture) : LatencyTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class LatencyTests_Postgres(PostgresFixture fixture) : LatencyTests(fixture);

using System.Diagnostics;
using System.Net;
using AIBridge.FunctionalTests.Infrastructure;
using AIBridge.Infrastructure.Persistence.Providers;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>
/// Bridge spec §10: the relay never waits on the database. With PostgreSQL stopped for 30 s in the
/// middle of 500 requests, every request succeeds for its client, and every interception with its
/// rows is in the database once it is back.
/// </summary>
public sealed class RecordingOutageTests
{
    [Fact]
    public async Task A_30_second_database_outage_loses_no_request_and_no_record()
    {
        await using var database = await PostgresServer.StartAsync();
        await using var upstream = new FakeUpstream();
        await upstream.StartAsync();
        upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
        await using var factory = new AIBridgeFactory(DatabaseProvider.Postgres, database.ConnectionString,
            ("AIBridge:Providers:anthropic:Type", "anthropic"),
            ("AIBridge:Providers:anthropic:BaseUrl", upstream.BaseAddress.ToString().TrimEnd('/')),
            ("AIBridge:Recording:RetryMaxDelay", "00:00:01"));
        factory.StartServer();
        var api = new ApiClient(factory);
        var owner = await api.CreateOwnerAsync();
        var token = await api.CreateTokenAsync(owner);
        var neverUsed = await api.CreateTokenAsync(owner, new { token_name = "never-used" });
        var client = api.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", token);
        var url = new Uri(factory.ClientOptions.BaseAddress, "/api/v2/aibridge/anthropic/v1/messages");

        async Task SendAsync(int n)
        {
            using var response = await client.PostAsync(url, new StringContent($$"""{"model":"m","messages":[{"role":"user","content":"prompt {{n}}"}]}""",
                System.Text.Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            (await response.Content.ReadAsStringAsync()).Should().Be(ProviderFixtures.AnthropicMessage);
        }

        await SendAsync(0); // the token is now cached
        await database.StopAsync();
        var outage = Stopwatch.StartNew();
        for (var batch = 0; batch < 50; batch++)
        {
            await Task.WhenAll(Enumerable.Range((batch * 10) + 1, 10).Select(SendAsync));
            var due = TimeSpan.FromMilliseconds(620 * (batch + 1));
            if (outage.Elapsed < due)
            {
                await Task.Delay(due - outage.Elapsed);
            }
        }

        // A token never seen before cannot be checked while the database is down.
        var stranger = api.Anonymous();
        stranger.DefaultRequestHeaders.Add("X-Api-Key", neverUsed);
        using (var refused = await stranger.PostAsync(url, new StringContent("{}", System.Text.Encoding.UTF8, "application/json")))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            (await refused.Content.ReadAsStringAsync()).Should().Contain("authentication is temporarily unavailable");
        }

        outage.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        await database.StartAgainAsync();

        await using var db = DatabaseOptions.CreateContext(DatabaseProvider.Postgres, database.ConnectionString);
        var waited = Stopwatch.StartNew();
        while (db.Interceptions.Count(i => i.EndedAt != null) < 501 && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200);
        }

        db.Interceptions.Count(i => i.EndedAt != null).Should().Be(501);
        db.TokenUsages.Count().Should().Be(501);
        db.ToolUsages.Count().Should().Be(501);
        db.UserPrompts.Count().Should().Be(501);
        db.UserPrompts.Select(p => p.Prompt).Distinct().Count().Should().Be(501);
    }
}

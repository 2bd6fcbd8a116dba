using System.Net;
using System.Text;
using System.Text.Json;
using AIBridge.FunctionalTests.Infrastructure;
using AIBridge.Infrastructure.Persistence.Providers;
using Microsoft.Extensions.Logging;

namespace AIBridge.FunctionalTests.Limits;

/// <summary>
/// A per-user limit of requests per minute held in a real Redis that two AIBridge hosts share (one
/// database, one provider): the limit holds across both, and when Redis stops each host limits alone,
/// never refusing because Redis is gone, and says so in its log.
/// </summary>
public sealed class SharedRateLimitTests
{
    private const int PerMinute = 4;

    [Fact]
    public async Task The_limit_holds_across_two_hosts_and_without_redis_each_limits_alone()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var upstream = new FakeUpstream();
        await upstream.StartAsync();
        upstream.RespondWithEvents(ProviderFixtures.AnthropicStream);
        var file = Path.Combine(Path.GetTempPath(), $"aibridge-limits-{Guid.NewGuid():N}.db");
        var logs = new CapturedLogs();
        (string, string)[] settings =
        [
            ("AIBridge:Providers:anthropic:Type", "anthropic"), ("AIBridge:Providers:anthropic:BaseUrl", upstream.BaseAddress.ToString().TrimEnd('/')),
            ("AIBridge:Limits:RequestsPerMinutePerUser", PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("AIBridge:Limits:Redis", redis.Configuration),
        ];
        await using var first = new AIBridgeFactory(DatabaseProvider.Sqlite, $"Data Source={file}", settings) { Logs = logs };
        first.StartServer();
        await using var second = new AIBridgeFactory(DatabaseProvider.Sqlite, $"Data Source={file}", settings);
        second.StartServer();
        try
        {
            var api = new ApiClient(first);
            var owner = await api.CreateOwnerAsync();
            var token = await api.CreateTokenAsync(owner);
            using var one = Client(first, token);
            using var two = Client(second, token);

            for (var i = 0; i < PerMinute; i++)
            {
                (await SendAsync(i % 2 == 0 ? one : two)).Status.Should().Be(HttpStatusCode.OK, $"request {i + 1} of {PerMinute} is within the limit");
            }

            foreach (var client in new[] { two, one })
            {
                var refused = await SendAsync(client);
                refused.Status.Should().Be(HttpStatusCode.TooManyRequests, "the two hosts share one bucket");
                refused.RetryAfter.Should().BePositive();
                refused.Error.GetProperty("type").GetString().Should().Be("rate_limit_error");
                refused.Error.GetProperty("message").GetString().Should().Be($"rate limit exceeded: {PerMinute} requests per minute");
            }

            upstream.Requests.Should().HaveCount(PerMinute, "a refused request is not sent upstream");

            await redis.StopAsync();
            for (var i = 0; i < PerMinute; i++)
            {
                (await SendAsync(one)).Status.Should().Be(HttpStatusCode.OK, "without Redis the host limits alone, with a bucket of its own");
            }

            (await SendAsync(one)).Status.Should().Be(HttpStatusCode.TooManyRequests, "the host's own bucket still limits");
            (await SendAsync(two)).Status.Should().Be(HttpStatusCode.OK, "the other host's bucket is its own");
            logs.Lines.Should().Contain(l => l.Level == LogLevel.Warning && l.Message.Contains($"Redis 127.0.0.1:{redis.Port} is unreachable", StringComparison.Ordinal));
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private static HttpClient Client(AIBridgeFactory host, string token)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", token);
        return client;
    }

    private static async Task<(HttpStatusCode Status, TimeSpan? RetryAfter, JsonElement Error)> SendAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/v2/aibridge/anthropic/v1/messages",
            new StringContent(ProviderFixtures.AnthropicRequest, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        var error = response.IsSuccessStatusCode ? default : JsonDocument.Parse(text).RootElement.GetProperty("error").Clone();
        return (response.StatusCode, response.Headers.RetryAfter?.Delta, error);
    }
}

using System.Net;
using System.Text.Json;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Audit;

/// <summary>Bad input is a 4xx in the API's envelope, never a 500: hundreds of malformed parameter combinations.</summary>
public abstract class MalformedParameterTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly string Long = new('x', 5000);

    private static readonly string[] BadNumbers =
        ["-1", "+", "1e3", "0x10", "１２", "99999999999999999999", "2147483648", "-2147483649", "NaN", "null", " 1", "1 ", "💥", "%00", "1.0", Long];

    private static readonly string[] BadIds =
        ["nope", "{}", "00000000-0000-0000-0000-00000000000g", "💥", "%00", "' OR 1=1 --", Guid.NewGuid() + "x", Long, "%2F", "..%2F..%2F"];

    private static readonly string[] BadSearches =
    [
        ":", "::", ":x", "x:", "a:b:c", "\"", "\"\"", "\"unterminated", "key:\"a:b\"", "bogus:1", "BOGUS:1 bogus:2",
        "initiator:", "initiator:💥", "initiator:" + Long, "initiator:me initiator:me", "initiator:00000000-0000-0000-0000-000000000000",
        "started_after:\"2025-13-45T99:99:99Z\"", "started_after:\"9999-12-31T23:59:59Z\"", "started_before:\"0001-01-01T00:00:00Z\"",
        "started_after:\"0001-01-01T00:00:00+01:00\"", "started_before:\"9999-12-31T23:59:59-01:00\"",
        "started_after:\"2025-01-01T00:00:00.1234567891Z\"", "started_after:2025-01-01", "started_after:\"2025-01-01T00:00:00z\"",
        "started_after:\"2025-01-01t00:00:00+00:00\" started_before:\"2024-01-01T00:00:00Z\"",
        "client:Unknown", "client:%", "model:_", "provider:" + Long, "session_id:" + Long, "a\tb:c", "line\nbreak:1",
        "'; DROP TABLE users; --", "model:' OR '1'='1", "💥:💥", "\u0000:\u0000", "model:\u0000", "initiator:a\u0000b", "session_id:\u0000", "client:\u0000x", new string(':', 100), Long,
    ];

    public static IEnumerable<string> Requests()
    {
        string[] lists = ["interceptions", "sessions", "models", "clients"];
        foreach (var list in lists)
        {
            foreach (var value in BadNumbers)
            {
                yield return $"{list}?limit={Uri.EscapeDataString(value)}";
                yield return $"{list}?offset={Uri.EscapeDataString(value)}";
            }

            foreach (var value in BadIds)
            {
                yield return $"{list}?after_id={Uri.EscapeDataString(value)}";
            }

            foreach (var value in BadSearches)
            {
                yield return $"{list}?q={Uri.EscapeDataString(value)}";
            }

            yield return $"{list}?limit=1&limit=2&offset=x&after_id=y&q=a:b:c";
            yield return $"{list}?q=a&q=b";
            yield return $"{list}?LIMIT=5000&Offset=-1";
            yield return $"{list}?limit=1001&q=bogus:1";
            yield return $"{list}?after_id={Guid.NewGuid()}&offset=0&limit=0";
            yield return $"{list}?offset=2147483647&limit=1000";
        }

        foreach (var value in BadIds.Append("").Append("%"))
        {
            yield return $"sessions?after_session_id={Uri.EscapeDataString(value)}";
            yield return $"sessions/{Uri.EscapeDataString(value)}";
            yield return $"sessions/s?after_id={Uri.EscapeDataString(value)}";
            yield return $"sessions/s?before_id={Uri.EscapeDataString(value)}";
        }

        foreach (var value in BadNumbers.Append("0").Append("201"))
        {
            yield return $"sessions/s?limit={Uri.EscapeDataString(value)}";
        }

        yield return $"sessions/s?after_id={Guid.NewGuid()}&before_id={Guid.NewGuid()}&limit=0";
        yield return "sessions/%F0%9F%92%A5";
        yield return "sessions/%FF%FE";
        yield return "sessions/a%00b";
        yield return "sessions?after_session_id=a%00b";
        yield return "sessions/" + new string('a', 300);
    }

    [Fact]
    public async Task None_of_hundreds_of_malformed_requests_is_a_500()
    {
        var owner = await Api.CreateOwnerAsync();
        var seed = new InterceptionSeeder(Fixture);
        var root = InterceptionSeeder.New(owner.Id, clientSessionId: "s").WithPrompt("p").WithTokens(1, 1);
        await seed.SaveAsync(root, InterceptionSeeder.New(owner.Id, minute: 3, clientSessionId: "s", parent: root));
        var client = Api.As(owner.Token);
        var requests = Requests().ToList();
        requests.Should().HaveCountGreaterThanOrEqualTo(200);

        var failures = new List<string>();
        foreach (var request in requests)
        {
            using var response = await client.GetAsync("/api/v2/aibridge/" + request);
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} {request[..Math.Min(request.Length, 120)]}: {text[..Math.Min(text.Length, 300)]}");
            }
            else if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound && response.Content.Headers.ContentType?.MediaType == "application/json"
                && !JsonDocument.Parse(text).RootElement.TryGetProperty("message", out _))
            {
                failures.Add($"no message: {request[..Math.Min(request.Length, 120)]}: {text}");
            }
        }

        failures.Should().BeEmpty();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MalformedParameterTests_Sqlite(SqliteFixture fixture) : MalformedParameterTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class MalformedParameterTests_Postgres(PostgresFixture fixture) : MalformedParameterTests(fixture);

using System.Globalization;
using AIBridge.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>Bad input gets a 4xx in the provider's format, never a 5xx the gateway made itself.</summary>
public abstract class GatewayFuzzTests(DatabaseFixture fixture, ITestOutputHelper output) : GatewayTest(fixture)
{
    /// <summary>The run's seed; set <c>AIBRIDGE_FUZZ_SEED</c> to explore others (a failure names the seed and the case).</summary>
    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("AIBRIDGE_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 20261204;

    private const int Cases = 2400;

    [Fact]
    public async Task Generated_malformed_requests_get_no_5xx_from_the_gateway()
    {
        // The provider always answers 200, so any 5xx is the gateway's own.
        Upstream.RespondWithJson("""{"id":"msg_1","type":"message","usage":{"input_tokens":1,"output_tokens":1}}""");
        var faultsBefore = GatewayFaults();
        var counts = new SortedDictionary<int, int>();
        foreach (var fuzz in new FuzzCases(Seed).Generate(Cases))
        {
            List<string> headers = [$"X-Api-Key: {Token}", $"Authorization: Bearer {Token}"];
            if (fuzz.ContentType is { } type)
            {
                headers.Add("Content-Type: " + type);
            }

            headers.AddRange(fuzz.Headers.Select(h => $"{h.Name}: {h.Value}"));
            var response = await RawHttp.SendAsync(Fixture.Factory.ClientOptions.BaseAddress, fuzz.Method, "/api/v2/aibridge/" + fuzz.Path, headers, fuzz.Body);
            counts[response.Status] = counts.GetValueOrDefault(response.Status) + 1;

            var background = response.Status == 501 && response.Body.Contains("background requests are currently not supported", StringComparison.Ordinal);
            (response.Status is >= 500 && !background).Should().BeFalse($"seed {Seed}, {FuzzCases.Describe(fuzz)} got {response.Status} {response.Body}");
        }

        output.WriteLine($"seed {Seed}, {Cases} cases; by status: " + string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}")));
        GatewayFaults().Should().Be(faultsBefore, "no request made the gateway log a fault");
        counts.Keys.Should().Contain(200).And.Contain(400, "the cases reach both the relay and the refusals");
    }

    [Theory]
    [InlineData("anthropic/v1/messages", "X-Api-Key", false)]
    [InlineData("anthropic/v1/messages", "X-Api-Key", true)]
    [InlineData("openai/v1/conversations", "Authorization", true)]
    public async Task A_body_shorter_than_its_content_length_is_400_bridged_or_passed_through(string route, string header, bool clientStopsSending)
    {
        Upstream.RespondWithJson("{}");
        var faultsBefore = GatewayFaults();
        var body = """{"model":"m","messages":[{"role":"user","content":"hi"}]}"""u8.ToArray();
        var credential = header == "X-Api-Key" ? Token : "Bearer " + Token;

        var response = await RawHttp.SendAsync(Fixture.Factory.ClientOptions.BaseAddress, "POST", "/api/v2/aibridge/" + route,
            [$"{header}: {credential}", "Content-Type: application/json"], body, declaredLength: body.Length + 100, closeSendSide: clientStopsSending);

        if (clientStopsSending)
        {
            // Kestrel closes the connection of a client that ended its body early, and may do so before
            // the gateway's 400 is sent: what matters is that nothing went upstream and nothing faulted.
            response.Status.Should().BeOneOf(0, 400);
        }
        else
        {
            // A client that stops sending but keeps the connection open is refused at Kestrel's minimum
            // data rate (a passthrough forwards its body as it comes, so there the response timeout may come first).
            response.Status.Should().Be(400);
            response.Body.Should().Contain("invalid request body: ").And.Contain(header == "X-Api-Key" ? "invalid_request_error" : "\"code\":\"invalid_body\"");
        }

        Upstream.Requests.Should().BeEmpty();
        GatewayFaults().Should().Be(faultsBefore);
    }

    private int GatewayFaults() => Fixture.Logs.Lines.Count(l => l.Level >= LogLevel.Error && l.Category.Contains("Gateway", StringComparison.Ordinal));
}

[Collection(SqliteCollection.Name)]
public sealed class GatewayFuzzTests_Sqlite(SqliteFixture fixture, ITestOutputHelper output) : GatewayFuzzTests(fixture, output);

[Collection(PostgresCollection.Name)]
public sealed class GatewayFuzzTests_Postgres(PostgresFixture fixture, ITestOutputHelper output) : GatewayFuzzTests(fixture, output);

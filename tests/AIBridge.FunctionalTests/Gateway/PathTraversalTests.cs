using System.Text;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>
/// A passthrough carries the central key, so a path that escapes its route would reach any upstream
/// endpoint, <c>/v1/messages</c> included, unrecorded. Every such path is refused before anything goes upstream.
/// </summary>
public abstract class PathTraversalTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    /// <summary>What a traversal inserts into a path: dot segments, encoded at every depth, and encoded separators.</summary>
    public static readonly string[] Traversals =
    [
        "../", "./", "%2e%2e/", "%2E%2E/", "%2e%2E/", "%2e./", ".%2e/", "%2e/", "%2E/",
        "%252e%252e/", "%252E%252E/", "%252e./", ".%252e/", "%252e/", "%25252e%25252e/", "%2525252e%2525252e/",
        "%%32%65%%32%65/", "%%32%65/", "..%2f", "..%2F", "%2e%2e%2f", "%2E%2E%2F", "%252e%252e%252f", "..%252f", "..%25252f",
        ".%2f", "%2f", "%2F", "%252f", "%252F", "a%2fb/", "..%5c", "..%5C", "%5c", "%252e%252e%255c", "%255c", "..\\", "\\",
        "a\\b/", "%00/", "a%00b/", "%2500/", "%2e%2e%00/", "%2e%2e%2f%2e%2e%2f", "%252e%252e/%252e%252e/", "%09/", "%0d%0a/",
    ];

    /// <summary>Every passthrough route of both provider types, with where the traversal goes.</summary>
    public static readonly (string Route, string Auth)[] Routes =
    [
        ("anthropic/v1/models/{0}messages", "anthropic"),
        ("anthropic/v1/models/{0}", "anthropic"),
        ("anthropic/v1/messages/count_tokens/{0}", "anthropic"),
        ("anthropic/api/event_logging/{0}v1/messages", "anthropic"),
        ("anthropic/v1/{0}models", "anthropic"),
        ("openai/v1/models/{0}files", "openai"),
        ("openai/v1/models/{0}{0}v2/anything", "openai"),
        ("openai/v1/responses/{0}chat/completions", "openai"),
        ("openai/v1/responses/resp_1/{0}input_items", "openai"),
        ("openai/v1/conversations/{0}files", "openai"),
        ("openai/v1/chat/completions/{0}", "openai"),
    ];

    public static TheoryData<int> RouteIndexes() => new(Enumerable.Range(0, Routes.Length));

    [Theory]
    [MemberData(nameof(RouteIndexes))]
    public async Task Traversals_are_400_in_the_providers_format_and_nothing_goes_upstream(int routeIndex)
    {
        Upstream.RespondWithJson("{}");
        var (route, auth) = Routes[routeIndex];
        var body = Encoding.UTF8.GetBytes("""{"model":"m","messages":[{"role":"user","content":"hi"}]}""");
        foreach (var method in new[] { "POST", "GET" })
        {
            foreach (var traversal in Traversals)
            {
                var target = "/api/v2/aibridge/" + string.Format(System.Globalization.CultureInfo.InvariantCulture, route, traversal);
                var response = await RawHttp.SendAsync(Fixture.Factory.ClientOptions.BaseAddress, method, target, Headers(auth),
                    method == "POST" ? body : null);

                response.Status.Should().Be(400, $"{method} {target} must be refused");
                if (!traversal.Contains("%00", StringComparison.Ordinal))
                {
                    // Kestrel itself refuses an encoded NUL, with an empty 400, before any handler runs.
                    response.Body.Should().Contain("invalid request path: ", $"{method} {target} is answered in the provider's format")
                        .And.Contain(auth == "anthropic" ? "\"type\":\"invalid_request_error\"" : "\"code\":\"invalid_path\"");
                }

                Upstream.Requests.Should().BeEmpty($"{method} {target} must not reach the provider");
            }
        }
    }

    [Theory]
    [InlineData("anthropic/v1/models/..")]
    [InlineData("anthropic/v1/models/.")]
    [InlineData("anthropic/v1/models/%2e%2e")]
    [InlineData("anthropic/v1/models/%252e%252e")]
    [InlineData("anthropic/v1/messages/count_tokens/%2E%2e")]
    [InlineData("openai/v1/models/%252E")]
    [InlineData("openai/v1/responses/%25252e%25252e")]
    [InlineData("openai/v1/conversations/x/%2e%2e")]
    public async Task A_dot_segment_at_the_end_is_refused_too(string path)
    {
        Upstream.RespondWithJson("{}");
        var response = await RawHttp.SendAsync(Fixture.Factory.ClientOptions.BaseAddress, "POST", "/api/v2/aibridge/" + path,
            Headers(path.StartsWith("anthropic", StringComparison.Ordinal) ? "anthropic" : "openai"), "{}"u8.ToArray());

        response.Status.Should().Be(400);
        response.Body.Should().Contain("invalid request path: dot segments are not allowed");
        Upstream.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Legitimate_passthrough_calls_still_reach_their_upstream_path()
    {
        Upstream.RespondWithJson("{}");
        (string Method, string Target, string Auth, string Upstream)[] calls =
        [
            ("GET", "anthropic/v1/models", "anthropic", "/v1/models"),
            ("GET", "anthropic/v1/models/claude-sonnet-4-5?x=1", "anthropic", "/v1/models/claude-sonnet-4-5?x=1"),
            ("POST", "anthropic/v1/messages/count_tokens", "anthropic", "/v1/messages/count_tokens"),
            ("POST", "anthropic/api/event_logging/batch", "anthropic", "/api/event_logging/batch"),
            ("GET", "openai/v1/models/ft:gpt-4o-mini:org::abc", "openai", "/v1/models/ft:gpt-4o-mini:org::abc"),
            ("GET", "openai/v1/models/a%20b", "openai", "/v1/models/a%20b"),
            ("GET", "openai/v1/responses/resp_1/input_items?limit=2", "openai", "/v1/responses/resp_1/input_items?limit=2"),
            ("POST", "openai/v1/responses/resp_1/cancel", "openai", "/v1/responses/resp_1/cancel"),
            ("POST", "openai/v1/conversations", "openai", "/v1/conversations"),
            ("GET", "openai/v1/conversations/conv_1/items", "openai", "/v1/conversations/conv_1/items"),
            ("GET", "openai/v1/chat/completions", "openai", "/v1/chat/completions"),
        ];
        foreach (var (method, target, auth, upstream) in calls)
        {
            Upstream.Requests.Clear();
            var response = await RawHttp.SendAsync(Fixture.Factory.ClientOptions.BaseAddress, method, "/api/v2/aibridge/" + target, Headers(auth),
                method == "POST" ? "{}"u8.ToArray() : null);

            response.Status.Should().Be(200, $"{method} {target}");
            Upstream.Requests.Should().ContainSingle().Which.PathAndQuery.Should().Be(upstream);
        }
    }

    private string[] Headers(string auth) => auth == "anthropic"
        ? [$"X-Api-Key: {Token}", "Content-Type: application/json"]
        : [$"Authorization: Bearer {Token}", "Content-Type: application/json"];
}

[Collection(SqliteCollection.Name)]
public sealed class PathTraversalTests_Sqlite(SqliteFixture fixture) : PathTraversalTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PathTraversalTests_Postgres(PostgresFixture fixture) : PathTraversalTests(fixture);

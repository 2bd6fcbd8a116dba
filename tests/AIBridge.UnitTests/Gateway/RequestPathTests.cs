using AIBridge.Application.Gateway.Providers;
using AIBridge.Application.Gateway.Routing;

namespace AIBridge.UnitTests.Gateway;

public sealed class RequestPathTests
{
    [Theory]
    [InlineData("/api/v2/aibridge/anthropic/v1/models/..", "dot segments are not allowed")]
    [InlineData("/a/./b", "dot segments are not allowed")]
    [InlineData("/a/%2e%2e/b", "dot segments are not allowed")]
    [InlineData("/a/%2E./b", "dot segments are not allowed")]
    [InlineData("/a/%252e%252e/b", "dot segments are not allowed")]
    [InlineData("/a/%25252E%25252e/b", "dot segments are not allowed")]
    [InlineData("/a/%%32%65%%32%65/b", "dot segments are not allowed")]
    [InlineData("/a/..%2fb", "encoded slashes are not allowed")]
    [InlineData("/a/x%252Fy", "encoded slashes are not allowed")]
    [InlineData("/a/x%5cy", "backslashes are not allowed")]
    [InlineData("/a/x\\y", "backslashes are not allowed")]
    [InlineData("/a/x%00y", "control characters are not allowed")]
    [InlineData("/a/x%2500y", "control characters are not allowed")]
    [InlineData("/a/%2525252525252e", "too many levels of percent-encoding")]
    public void Paths_that_could_mean_another_path_are_refused(string raw, string reason) =>
        RequestPath.Refusal(raw).Should().Be(reason);

    [Theory]
    [InlineData("/api/v2/aibridge/anthropic/v1/models/claude-sonnet-4-5")]
    [InlineData("/api/v2/aibridge/openai/v1/models/ft:gpt-4o-mini:org::abc123")]
    [InlineData("/api/v2/aibridge/openai/v1/responses/resp_1/input_items")]
    [InlineData("/a/...")]
    [InlineData("/a/.hidden/b")]
    [InlineData("/a/x%20y")]
    [InlineData("/a/%c3%a9")]
    [InlineData("/a/100%")]
    public void Ordinary_paths_pass(string raw) => RequestPath.Refusal(raw).Should().BeNull();

    [Theory]
    [InlineData("/v1/models/claude-x", "/v1/models/claude-x")]
    [InlineData("/v1/models/ft:gpt-4o:org::id", "/v1/models/ft:gpt-4o:org::id")]
    [InlineData("/v1/models/a b", "/v1/models/a%20b")]
    [InlineData("/v1/models/%2e%2e", "/v1/models/%252e%252e")]
    [InlineData("/v1/models/é?#", "/v1/models/%C3%A9%3F%23")]
    public void The_upstream_path_is_encoded_again_from_the_decoded_one(string decoded, string encoded) =>
        RequestPath.Encode(decoded).Should().Be(encoded);

    [Fact]
    public void A_passthrough_route_is_rebuilt_from_what_it_matched() =>
        GatewayRoute.Match(ProviderType.OpenAI, "GET", "/v1/models/a b").Should().Be(new GatewayRoute(null, "/models/a%20b", "/v1/models"));
}

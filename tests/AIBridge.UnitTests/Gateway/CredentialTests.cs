using AIBridge.Application.Gateway.Credentials;
using AIBridge.Application.Gateway.Providers;

namespace AIBridge.UnitTests.Gateway;

public sealed class CredentialTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("short", "s...t")]
    [InlineData("thisisquitelong", "th...ng")]
    [InlineData("sk-ant-api03-abcdefgh", "sk-a...efgh")]
    [InlineData("abcd", "...")]
    [InlineData("hélloworld🌍!", "hé...🌍!")]
    [InlineData("test-key", "t...y")]
    [InlineData("a", "...")]
    public void Masks_as_the_spec_shows(string? key, string masked)
    {
        KeyMask.Mask(key).Should().Be(masked);
        KeyMask.Mask(key).Length.Should().BeLessThanOrEqualTo(15);
    }

    [Theory]
    [InlineData("Bearer abc", "abc")]
    [InlineData("  bearer   abc  ", "abc")]
    [InlineData("BEARER\tabc", "abc")]
    [InlineData("Bearer a b", null)]
    [InlineData("abc", null)]
    [InlineData("Basic abc", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Bearer_needs_exactly_two_fields(string? header, string? token) =>
        CallerCredentials.BearerToken(header).Should().Be(token);

    [Fact]
    public void Token_sources_in_order_governance_bearer_api_key()
    {
        static Func<string, string?> Headers(params (string, string)[] headers) =>
            name => headers.FirstOrDefault(h => string.Equals(h.Item1, name, StringComparison.OrdinalIgnoreCase)).Item2;

        CallerCredentials.From(Headers(("X-Coder-AI-Governance-Token", "gov"), ("Authorization", "Bearer b"), ("X-Api-Key", "k")))
            .Should().Be(new CallerCredentials("gov", true));
        CallerCredentials.From(Headers(("X-Coder-AI-Governance-Token", "  "), ("Authorization", "Bearer b"), ("X-Api-Key", "k")))
            .Should().Be(new CallerCredentials("b", false));
        CallerCredentials.From(Headers(("Authorization", "Basic x"), ("X-Api-Key", "k"))).Should().Be(new CallerCredentials("k", false));
        CallerCredentials.From(Headers()).Should().Be(new CallerCredentials(null, false));
        CallerCredentials.From(Headers(("api-key", "azure-sdk-token"))).Should().Be(new CallerCredentials("azure-sdk-token", false));
        CallerCredentials.From(Headers(("X-Api-Key", "k"), ("api-key", "a"))).Should().Be(new CallerCredentials("k", false));
    }

    [Fact]
    public void Upstream_credential_follows_the_table()
    {
        var anthropic = new ProviderInstance("anthropic", ProviderType.Anthropic, new Uri("http://a"), "sk-ant-central-key-123");
        var openai = new ProviderInstance("openai", ProviderType.OpenAI, new Uri("http://o"), "sk-central-openai-key");

        UpstreamCredential.Choose(anthropic, byok: true, "Bearer user-bearer-token", "user-api-key-value", Now)
            .Should().Be(new UpstreamCredential("X-Api-Key", "user-api-key-value", "byok", "us...ue", 18));
        UpstreamCredential.Choose(anthropic, byok: true, "Bearer user-bearer-token", null, Now)!.HeaderValue.Should().Be("Bearer user-bearer-token");
        UpstreamCredential.Choose(anthropic, byok: false, "Bearer aibridge", "aibridge", Now)
            .Should().Be(new UpstreamCredential("X-Api-Key", "sk-ant-central-key-123", "centralized", "sk-a...-123", 22));
        UpstreamCredential.Choose(openai, byok: true, null, "ignored", Now).Should().Match<UpstreamCredential>(c => c.Kind == "centralized" && c.HeaderValue == "Bearer sk-central-openai-key");
        UpstreamCredential.Choose(openai, byok: true, "Bearer sk-user", null, Now).Should().Match<UpstreamCredential>(c => c.Kind == "byok" && c.Hint == "s...r");
        UpstreamCredential.Choose(openai with { ApiKey = null }, byok: false, null, null, Now).Should().Be(new UpstreamCredential(null, null, "centralized", "", 0));
    }

    [Fact]
    public void Each_type_sends_its_central_key_in_its_own_header()
    {
        UpstreamCredential.Central("azure", "azure-key-0123456789abcdef").Should().Be(
            new UpstreamCredential("api-key", "azure-key-0123456789abcdef", "centralized", "azur...cdef", 26));
        UpstreamCredential.Central("openai-compat", "local").Should().Match<UpstreamCredential>(c => c.HeaderName == "Authorization" && c.HeaderValue == "Bearer local");
        UpstreamCredential.Central("anthropic", "sk-ant-x").HeaderName.Should().Be("X-Api-Key");
    }

    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
}

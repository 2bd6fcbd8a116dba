using AIBridge.Application.Gateway.Providers;

namespace AIBridge.UnitTests.Providers;

public sealed class ProviderTypeSettingsTests
{
    [Fact]
    public void Each_type_reads_its_own_settings()
    {
        var (compat, none) = ProviderTypeSettings.Parse("openai-compat", """{"headers":{"HTTP-Referer":"https://example.com","X-Title":"AIBridge"}}""");
        none.Should().BeNull();
        compat!.Headers.Select(h => (h.Key, h.Value)).Should().Equal(("HTTP-Referer", "https://example.com"), ("X-Title", "AIBridge"));

        ProviderTypeSettings.Parse("azure", """{"api_version":"2025-04-01-preview"}""").Settings!.ApiVersion.Should().Be("2025-04-01-preview");
        ProviderTypeSettings.Parse("openai", null).Settings.Should().Be(ProviderTypeSettings.None);
        ProviderTypeSettings.Parse("anthropic", "null").Settings.Should().Be(ProviderTypeSettings.None);
    }

    [Theory]
    [InlineData("openai-compat", """[1]""", "must be a JSON object")]
    [InlineData("openai-compat", """{"header":{}}""", "\"header\" is not a setting of type openai-compat; it has \"headers\"")]
    [InlineData("openai-compat", """{"headers":{"Authorization":"Bearer x"}}""", "\"headers\": \"Authorization\" is set by AIBridge and cannot be a static header")]
    [InlineData("openai-compat", """{"headers":{"bad name":"x"}}""", "\"headers\": \"bad name\" is not a valid header name")]
    [InlineData("openai-compat", """{"headers":{"X-A":"a\nb"}}""", "\"headers\": the value of \"X-A\" must be a string on one line")]
    [InlineData("openai-compat", """{"headers":{"X-A":1}}""", "\"headers\": the value of \"X-A\" must be a string on one line")]
    [InlineData("azure", """{"api_version":"a b"}""", "\"api_version\" must be a version string such as \"preview\" or \"2025-04-01-preview\"")]
    [InlineData("openai", """{"headers":{}}""", "has no settings for type openai: \"headers\" is not one")]
    [InlineData("azure", "{", "must be a JSON object")]
    public void Bad_settings_are_named(string type, string json, string error) =>
        ProviderTypeSettings.Parse(type, json).Should().Be(((ProviderTypeSettings?)null, error));

    [Fact]
    public void The_api_version_joins_the_query_unless_the_client_named_one()
    {
        var azure = new ProviderInstance("azure", ProviderType.OpenAI, new Uri("https://r.openai.azure.com/openai/v1/"), null) { ApiVersion = "preview" };

        azure.UpstreamUri("/chat/completions", "").ToString().Should().Be("https://r.openai.azure.com/openai/v1/chat/completions?api-version=preview");
        azure.UpstreamUri("/models", "?limit=2").ToString().Should().Be("https://r.openai.azure.com/openai/v1/models?limit=2&api-version=preview");
        azure.UpstreamUri("/models", "?api-version=v1").ToString().Should().Be("https://r.openai.azure.com/openai/v1/models?api-version=v1");
        (azure with { ApiVersion = null }).UpstreamUri("/responses", "").ToString().Should().Be("https://r.openai.azure.com/openai/v1/responses");
    }
}

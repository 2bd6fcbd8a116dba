using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Gateway.Providers;

namespace AIBridge.UnitTests.Providers;

/// <summary>Every provider type can be configured in settings too, checked at start-up by the API's rules.</summary>
public sealed class ConfiguredProviderTypesTests
{
    private static ProviderInstance Configure(string name, ProviderSettings settings) =>
        ProviderCatalog.Create(new Dictionary<string, ProviderSettings> { [name] = settings }, _ => "from-environment").Find(name)!;

    [Fact]
    public void Each_type_is_built_from_its_settings()
    {
        var compat = Configure("vllm", new() { Type = "openai-compat", BaseUrl = "http://gpu:8000/v1", Headers = new() { ["X-Team"] = "ml" } });
        (compat.Kind, compat.Type, compat.ApiKey, compat.Headers.Single().Key).Should().Be(("openai-compat", ProviderType.OpenAI, (string?)null, "X-Team"));

        var azure = Configure("azure", new() { Type = "Azure", BaseUrl = "https://r.openai.azure.com/openai/v1", ApiKey = "k", ApiVersion = "preview" });
        (azure.Kind, azure.ApiVersion, azure.ApiKey).Should().Be(("azure", "preview", "k"));

        Configure("copilot", new() { Type = "copilot" }).BaseUrl.Should().Be(new Uri("https://api.individual.githubcopilot.com"));

        var bedrock = Configure("bedrock", new()
        {
            Type = "bedrock", Region = "eu-west-1", Model = "m", SmallFastModel = "s", AccessKey = "AKIAIOSFODNN7EXAMPLE", AccessKeySecret = "secret",
        });
        (bedrock.Type, bedrock.BaseUrl.ToString(), bedrock.Bedrock!.Region, bedrock.Bedrock.SecretAccessKey, bedrock.ApiKey)
            .Should().Be((ProviderType.Anthropic, "https://bedrock-runtime.eu-west-1.amazonaws.com/", "eu-west-1", "secret", (string?)null));
        Configure("mantle", new() { Type = "bedrock", Mode = "mantle", BaseUrl = "https://bedrock-mantle.us-east-2.api.aws/anthropic" }).Bedrock!.Region
            .Should().Be("us-east-2", "the region is read from the base URL's host");
    }

    [Theory]
    [InlineData("openai-compat", null, "base url required for provider \"p\" of type openai-compat (AIBridge:Providers:p:BaseUrl): use an absolute http or https URL")]
    [InlineData("bedrock", "Models", "region or base url required for provider \"p\" (AIBridge:Providers:p:Region or AIBridge:Providers:p:BaseUrl): name an AWS region such as us-east-1, or Bedrock's URL")]
    [InlineData("copilot", "ApiKey", "provider \"p\" of type copilot takes no AIBridge:Providers:p:ApiKey: each user's own Copilot token is sent")]
    [InlineData("anthropic", "Headers", "invalid settings for provider \"p\" (AIBridge:Providers:p): has no settings for type anthropic: Headers is not one")]
    [InlineData("openai-compat", "Authorization", "invalid settings for provider \"p\" (AIBridge:Providers:p): Headers: \"Authorization\" is set by AIBridge and cannot be a static header")]
    [InlineData("bedrock", "Region", "invalid settings for provider \"p\" (AIBridge:Providers:p): Model is required in invoke mode")]
    [InlineData("bedrock", "AccessKey", "invalid settings for provider \"p\" (AIBridge:Providers:p): both access key and access key secret must be provided together (AccessKey and AccessKeySecret), or neither for the default AWS credential chain")]
    public void A_bad_type_setting_stops_the_start_with_one_line_naming_it(string type, string? given, string message)
    {
        var settings = new ProviderSettings { Type = type };
        switch (given)
        {
            case "ApiKey":
                settings.ApiKey = "k";
                break;
            case "Headers":
                settings.Headers = new() { ["X-A"] = "b" };
                break;
            case "Authorization":
                (settings.BaseUrl, settings.Headers) = ("http://h/v1", new() { ["Authorization"] = "Bearer x" });
                break;
            case "Region":
                settings.Region = "us-east-1";
                break;
            case "Models":
                (settings.Model, settings.SmallFastModel) = ("m", "s");
                break;
            case "AccessKey":
                (settings.Region, settings.Model, settings.SmallFastModel, settings.AccessKey) = ("us-east-1", "m", "s", "AKIAIOSFODNN7EXAMPLE");
                break;
        }

        var act = () => Configure("p", settings);

        act.Should().Throw<ConfigurationException>().Which.Message.Should().Be(message);
    }
}

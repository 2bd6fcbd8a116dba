using AIBridge.Application.Gateway.Providers;
using AIBridge.Application.Gateway.Routing;

namespace AIBridge.UnitTests.Gateway;

public sealed class ProviderAndRouteTests
{
    [Fact]
    public void Defaults_when_nothing_is_configured()
    {
        var catalog = ProviderCatalog.Create(new Dictionary<string, ProviderSettings>(), name => name == "OPENAI_API_KEY" ? "sk-env" : null);

        catalog.All.Select(p => (p.Name, p.Type, p.BaseUrl.ToString(), p.ApiKey)).Should().BeEquivalentTo(new[]
        {
            ("anthropic", ProviderType.Anthropic, "https://api.anthropic.com/", (string?)null),
            ("openai", ProviderType.OpenAI, "https://api.openai.com/v1", "sk-env"),
        });
    }

    [Theory]
    [InlineData("Bad_Name", "anthropic", null, "invalid provider name \"Bad_Name\" (AIBridge:Providers:Bad_Name): must match ^[a-z0-9]+(-[a-z0-9]+)*$")]
    [InlineData("a--b", "anthropic", null, "invalid provider name \"a--b\" (AIBridge:Providers:a--b): must match ^[a-z0-9]+(-[a-z0-9]+)*$")]
    [InlineData("sessions", "openai", null, "invalid provider name \"sessions\" (AIBridge:Providers:sessions): reserved; interceptions, sessions, models, clients, prices, usage, providers are paths of the API")]
    [InlineData("anthropic", "claude", null, "unknown provider type \"claude\" for provider \"anthropic\" (AIBridge:Providers:anthropic:Type): use anthropic, openai, openai-compat, azure, copilot or bedrock")]
    [InlineData("x", "", null, "provider \"x\" has no type (AIBridge:Providers:x:Type): use anthropic, openai, openai-compat, azure, copilot or bedrock")]
    [InlineData("x", "openai", "ftp://host", "invalid base URL \"ftp://host\" for provider \"x\" (AIBridge:Providers:x:BaseUrl): use an absolute http or https URL, e.g. https://api.openai.com/v1")]
    [InlineData("x", "anthropic", "api.anthropic.com", "invalid base URL \"api.anthropic.com\" for provider \"x\" (AIBridge:Providers:x:BaseUrl): use an absolute http or https URL, e.g. https://api.anthropic.com/")]
    public void Misconfiguration_stops_with_the_specs_message(string name, string type, string? baseUrl, string message)
    {
        var act = () => ProviderCatalog.Create(new Dictionary<string, ProviderSettings> { [name] = new() { Type = type, BaseUrl = baseUrl } }, _ => null);

        act.Should().Throw<AIBridge.Application.Common.Exceptions.ConfigurationException>().Which.Message.Should().Be(message);
    }

    [Fact]
    public void Upstream_uri_keeps_the_base_path_and_the_query()
    {
        var provider = new ProviderInstance("openai-eu", ProviderType.OpenAI, new Uri("http://host/api/"), null);

        provider.UpstreamUri("/chat/completions", "?a=1").ToString().Should().Be("http://host/api/chat/completions?a=1");
    }

    [Theory]
    [InlineData(ProviderType.Anthropic, "POST", "/v1/messages", BridgedApi.AnthropicMessages, "/v1/messages", "/v1/messages")]
    [InlineData(ProviderType.Anthropic, "GET", "/v1/messages", null, "/v1/messages", "/v1/messages")]
    [InlineData(ProviderType.Anthropic, "POST", "/v1/messages/count_tokens", null, "/v1/messages/count_tokens", "/v1/messages/count_tokens")]
    [InlineData(ProviderType.Anthropic, "GET", "/v1/models", null, "/v1/models", "/v1/models")]
    [InlineData(ProviderType.Anthropic, "GET", "/v1/models/claude-x", null, "/v1/models/claude-x", "/v1/models")]
    [InlineData(ProviderType.Anthropic, "POST", "/api/event_logging/batch", null, "/api/event_logging/batch", "/api/event_logging")]
    [InlineData(ProviderType.OpenAI, "POST", "/v1/chat/completions", BridgedApi.ChatCompletions, "/chat/completions", "/v1/chat/completions")]
    [InlineData(ProviderType.OpenAI, "GET", "/v1/chat/completions", null, "/chat/completions", "/v1/chat/completions")]
    [InlineData(ProviderType.OpenAI, "POST", "/v1/responses", BridgedApi.Responses, "/responses", "/v1/responses")]
    [InlineData(ProviderType.OpenAI, "GET", "/v1/responses/resp_1/input_items", null, "/responses/resp_1/input_items", "/v1/responses/*")]
    [InlineData(ProviderType.OpenAI, "GET", "/v1/models", null, "/models", "/v1/models")]
    [InlineData(ProviderType.OpenAI, "POST", "/v1/conversations", null, "/conversations", "/v1/conversations")]
    [InlineData(ProviderType.OpenAI, "GET", "/v1/conversations/c_1/items", null, "/conversations/c_1/items", "/v1/conversations")]
    public void Route_table(ProviderType type, string method, string rest, BridgedApi? api, string upstream, string template) =>
        GatewayRoute.Match(type, method, rest).Should().Be(new GatewayRoute(api, upstream, template));

    [Theory]
    [InlineData(ProviderType.Anthropic, "/v1/complete")]
    [InlineData(ProviderType.Anthropic, "/v1/chat/completions")]
    [InlineData(ProviderType.Anthropic, "/v1/messagesx")]
    [InlineData(ProviderType.OpenAI, "/v1/completions")]
    [InlineData(ProviderType.OpenAI, "/chat/completions")]
    [InlineData(ProviderType.OpenAI, "/v1/messages")]
    [InlineData(ProviderType.OpenAI, "/v1/modelsx")]
    public void Unknown_routes_do_not_match(ProviderType type, string rest) =>
        GatewayRoute.Match(type, "POST", rest).Should().BeNull();

    [Theory]
    [InlineData("POST", "/chat/completions", BridgedApi.ChatCompletions, "/chat/completions", "/chat/completions")]
    [InlineData("POST", "/responses", BridgedApi.Responses, "/responses", "/responses")]
    [InlineData("POST", "/v1/messages", BridgedApi.AnthropicMessages, "/v1/messages", "/v1/messages")]
    [InlineData("GET", "/chat/completions", null, "/chat/completions", "/chat/completions")]
    [InlineData("GET", "/models", null, "/models", "/models")]
    [InlineData("GET", "/models/gpt-4.1/policy", null, "/models/gpt-4.1/policy", "/models")]
    [InlineData("GET", "/agents/github", null, "/agents/github", "/agents")]
    [InlineData("POST", "/mcp/readonly", null, "/mcp/readonly", "/mcp")]
    [InlineData("GET", "/.well-known/copilot", null, "/.well-known/copilot", "/.well-known")]
    public void Copilot_route_table(string method, string rest, BridgedApi? api, string upstream, string template) =>
        GatewayRoute.MatchCopilot(method, rest).Should().Be(new GatewayRoute(api, upstream, template));

    [Theory]
    [InlineData("/v1/chat/completions")]
    [InlineData("/agents")]
    [InlineData("/messages")]
    public void Unknown_copilot_routes_do_not_match(string rest) => GatewayRoute.MatchCopilot("POST", rest).Should().BeNull();

    [Fact]
    public void A_route_speaks_its_apis_family_and_a_passthrough_its_providers()
    {
        GatewayRoute.MatchCopilot("POST", "/v1/messages")!.Family(ProviderType.OpenAI).Should().Be(ProviderType.Anthropic);
        GatewayRoute.MatchCopilot("POST", "/responses")!.Family(ProviderType.OpenAI).Should().Be(ProviderType.OpenAI);
        GatewayRoute.MatchCopilot("GET", "/models")!.Family(ProviderType.OpenAI).Should().Be(ProviderType.OpenAI);
    }
}

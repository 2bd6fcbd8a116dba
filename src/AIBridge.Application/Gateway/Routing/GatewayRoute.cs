using AIBridge.Application.Gateway.Providers;

namespace AIBridge.Application.Gateway.Routing;

/// <summary>The three APIs the gateway intercepts and records.</summary>
public enum BridgedApi
{
    AnthropicMessages,
    ChatCompletions,
    Responses,
}

/// <summary>A matched provider route: bridged (recorded) or passthrough, and the path to call upstream.</summary>
/// <param name="Api">The intercepted API; null for passthrough.</param>
/// <param name="UpstreamPath">Appended to the provider's base URL, percent-encoded; built from the match, never copied from the request.</param>
/// <param name="Template">
/// The route as metrics and circuit breakers name it: the client's path after <c>/{provider}</c>, cut at
/// the table's entry so that ids in the path never become label values.
/// </param>
public sealed record GatewayRoute(BridgedApi? Api, string UpstreamPath, string Template)
{
    public bool IsBridged => Api is not null;

    /// <summary>The wire family this route speaks: its API's, or the provider's for passthrough.</summary>
    public ProviderType Family(ProviderType provider) => Api switch
    {
        BridgedApi.AnthropicMessages => ProviderType.Anthropic,
        BridgedApi.ChatCompletions or BridgedApi.Responses => ProviderType.OpenAI,
        _ => provider,
    };

    /// <summary>The route table of the provider's type.</summary>
    public static GatewayRoute? Match(ProviderInstance provider, string method, string rest) => provider.Kind switch
    {
        ProviderKinds.Copilot => MatchCopilot(method, rest),

        // Bedrock has only the Messages call; nothing else of Anthropic's API exists there.
        ProviderKinds.Bedrock => rest == "/v1/messages" && string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase)
            ? new GatewayRoute(BridgedApi.AnthropicMessages, rest, rest)
            : null,
        _ => Match(provider.Type, method, rest),
    };

    /// <summary>
    /// GitHub Copilot's API: Chat Completions and Responses at its root, Messages under <c>/v1</c>, and its
    /// models, agents, MCP and discovery documents passed through.
    /// </summary>
    public static GatewayRoute? MatchCopilot(string method, string rest)
    {
        var post = string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase);
        return rest switch
        {
            "/chat/completions" => new GatewayRoute(post ? BridgedApi.ChatCompletions : null, rest, rest),
            "/responses" => new GatewayRoute(post ? BridgedApi.Responses : null, rest, rest),
            "/v1/messages" => new GatewayRoute(post ? BridgedApi.AnthropicMessages : null, rest, rest),
            _ when Subtree(rest, "/models") => new GatewayRoute(null, RequestPath.Encode(rest), "/models"),
            _ when Subtree(rest, "/agents", exactToo: false) => new GatewayRoute(null, RequestPath.Encode(rest), "/agents"),
            _ when Subtree(rest, "/mcp", exactToo: false) => new GatewayRoute(null, RequestPath.Encode(rest), "/mcp"),
            _ when Subtree(rest, "/.well-known", exactToo: false) => new GatewayRoute(null, RequestPath.Encode(rest), "/.well-known"),
            _ => null,
        };
    }

    /// <summary>
    /// The route table. <paramref name="rest"/> is the path after <c>/{name}</c>,
    /// starting with <c>/</c>, decoded once and already checked by <see cref="RequestPath.Refusal"/>.
    /// Bridged paths intercept POST only; other methods on them pass through.
    /// </summary>
    public static GatewayRoute? Match(ProviderType type, string method, string rest)
    {
        var post = string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase);
        if (type == ProviderType.Anthropic)
        {
            return rest switch
            {
                "/v1/messages" => new GatewayRoute(post ? BridgedApi.AnthropicMessages : null, rest, rest),
                "/v1/messages/count_tokens" => new GatewayRoute(null, rest, rest),
                _ when Subtree(rest, "/v1/models") => new GatewayRoute(null, RequestPath.Encode(rest), "/v1/models"),
                _ when Subtree(rest, "/api/event_logging", exactToo: false) => new GatewayRoute(null, RequestPath.Encode(rest), "/api/event_logging"),
                _ => null,
            };
        }

        if (!rest.StartsWith("/v1/", StringComparison.Ordinal))
        {
            return null;
        }

        // OpenAI base URLs end in /v1 already, so the route's /v1 is not repeated upstream.
        var upstream = rest["/v1".Length..];
        return upstream switch
        {
            "/chat/completions" => new GatewayRoute(post ? BridgedApi.ChatCompletions : null, upstream, rest),
            "/responses" => new GatewayRoute(post ? BridgedApi.Responses : null, upstream, rest),
            _ when Subtree(upstream, "/responses", exactToo: false) => new GatewayRoute(null, RequestPath.Encode(upstream), "/v1/responses/*"),
            _ when Subtree(upstream, "/models") => new GatewayRoute(null, RequestPath.Encode(upstream), "/v1/models"),
            _ when Subtree(upstream, "/conversations") => new GatewayRoute(null, RequestPath.Encode(upstream), "/v1/conversations"),
            _ => null,
        };
    }

    private static bool Subtree(string path, string root, bool exactToo = true) =>
        (exactToo && path == root) || path.StartsWith(root + "/", StringComparison.Ordinal);
}

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
public sealed record GatewayRoute(BridgedApi? Api, string UpstreamPath)
{
    public bool IsBridged => Api is not null;

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
                "/v1/messages" => new GatewayRoute(post ? BridgedApi.AnthropicMessages : null, rest),
                "/v1/messages/count_tokens" => new GatewayRoute(null, rest),
                _ when Subtree(rest, "/v1/models") || Subtree(rest, "/api/event_logging", exactToo: false) => new GatewayRoute(null, RequestPath.Encode(rest)),
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
            "/chat/completions" => new GatewayRoute(post ? BridgedApi.ChatCompletions : null, upstream),
            "/responses" => new GatewayRoute(post ? BridgedApi.Responses : null, upstream),
            _ when Subtree(upstream, "/responses", exactToo: false) || Subtree(upstream, "/models") || Subtree(upstream, "/conversations")
                => new GatewayRoute(null, RequestPath.Encode(upstream)),
            _ => null,
        };
    }

    private static bool Subtree(string path, string root, bool exactToo = true) =>
        (exactToo && path == root) || path.StartsWith(root + "/", StringComparison.Ordinal);
}

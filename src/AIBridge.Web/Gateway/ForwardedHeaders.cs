using AIBridge.Application.Gateway.Credentials;

namespace AIBridge.Web.Gateway;

/// <summary>Which headers cross the gateway in each direction.</summary>
public static class ForwardedHeaders
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Proxy-Connection",
    };

    // Never sent upstream: recomputed, or asked for uncompressed so the copy can be parsed, or AIBridge's own.
    // The client's trace context stays here too: the upstream gets AIBridge's own, and only when told to.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Accept-Encoding", GatewayHeaders.SessionToken, GatewayHeaders.Cookie, GatewayHeaders.GovernanceRequestId,
        GatewayHeaders.GovernanceToken, GatewayHeaders.Authorization, GatewayHeaders.ApiKey, GatewayHeaders.AzureApiKey,
        "traceparent", "tracestate", "baggage", "Request-Id", "Correlation-Context",
    };

    private static readonly HashSet<string> NotReturned = new(StringComparer.OrdinalIgnoreCase) { "Set-Cookie", "Alt-Svc" };

    /// <summary>Request headers to copy upstream; credentials are added separately.</summary>
    public static IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> Request(IHeaderDictionary headers)
    {
        var named = ConnectionNamed(headers["Connection"]);
        return headers.Where(h => !HopByHop.Contains(h.Key) && !NotForwarded.Contains(h.Key) && !named.Contains(h.Key));
    }

    /// <summary>Whether an upstream response header is relayed to the client.</summary>
    public static bool IsReturned(string name, bool eventStream) =>
        !HopByHop.Contains(name) && !NotReturned.Contains(name) && !(eventStream && name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase));

    private static HashSet<string> ConnectionNamed(Microsoft.Extensions.Primitives.StringValues connection) =>
        new(connection.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)), StringComparer.OrdinalIgnoreCase);
}

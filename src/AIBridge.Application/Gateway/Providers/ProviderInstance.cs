using AIBridge.Application.Gateway.Bedrock;
using AIBridge.Application.Gateway.Credentials;
using AIBridge.Application.Gateway.Resilience;

namespace AIBridge.Application.Gateway.Providers;

/// <summary>
/// One upstream the gateway routes to: its route name, wire family, base URL (path kept) and central
/// key, configured in settings or stored through the API.
/// </summary>
public sealed record ProviderInstance(string Name, ProviderType Type, Uri BaseUrl, string? ApiKey)
{
    /// <summary>The provider type (<see cref="ProviderKinds"/>); configured providers are their family.</summary>
    public string Kind { get => field ?? Type.Name(); init; }

    /// <summary><c>config</c> for providers from settings, <c>api</c> for stored ones.</summary>
    public string Source { get; init; } = ProviderSources.Config;

    /// <summary>The provider's circuit breaker settings; null when it has none (the default).</summary>
    public CircuitBreakerSettings? CircuitBreaker { get; init; }

    /// <summary>A stored provider's keys; null for a configured provider, whose one key is <see cref="ApiKey"/>.</summary>
    public KeyPool? Keys { get; init; }

    /// <summary>Headers added to every upstream request (<c>openai-compat</c>'s <c>settings.headers</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>A <c>bedrock</c> provider's settings and credentials; null for the other types.</summary>
    public BedrockAccess? Bedrock { get; init; }

    /// <summary>Azure's <c>api-version</c>, added to the query when set.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Why requests to this provider are refused with 503 (switched off, or its settings cannot be used); null when it works.</summary>
    public string? Unavailable { get; init; }

    /// <summary><c>enabled</c>, <c>disabled</c> or <c>error</c>.</summary>
    public string Status { get; init; } = ProviderStatuses.Enabled;

    /// <summary>The stored provider's last change: a reload keeps this instance, and its keys' states, while it is the same.</summary>
    public DateTime? Version { get; init; }

    /// <summary>
    /// <see cref="BaseUrl"/> + <paramref name="path"/> + <paramref name="query"/>, the base's trailing slash
    /// trimmed, and the provider's <c>api-version</c> unless the client named one.
    /// </summary>
    public Uri UpstreamUri(string path, string query)
    {
        var uri = BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + path + query;
        if (ApiVersion is { } version && !query.Contains("api-version=", StringComparison.Ordinal))
        {
            uri += (query.Length == 0 ? "?" : "&") + "api-version=" + Uri.EscapeDataString(version);
        }

        return new Uri(uri);
    }
}

public static class ProviderSources
{
    public const string Config = "config";
    public const string Api = "api";
}

public static class ProviderStatuses
{
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";
    public const string Error = "error";
}

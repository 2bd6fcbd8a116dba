using AIBridge.Application.Gateway.Resilience;

namespace AIBridge.Application.Gateway.Providers;

/// <summary>One configured upstream: its route name, API family, base URL (path kept) and central key.</summary>
public sealed record ProviderInstance(string Name, ProviderType Type, Uri BaseUrl, string? ApiKey)
{
    /// <summary>The provider's circuit breaker settings; null when it has none (the default).</summary>
    public CircuitBreakerSettings? CircuitBreaker { get; init; }

    /// <summary><see cref="BaseUrl"/> + <paramref name="path"/> + <paramref name="query"/>, the base's trailing slash trimmed.</summary>
    public Uri UpstreamUri(string path, string query) =>
        new(BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + path + query);
}

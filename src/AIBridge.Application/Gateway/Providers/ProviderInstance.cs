namespace AIBridge.Application.Gateway.Providers;

/// <summary>One configured upstream: its route name, API family, base URL (path kept) and central key.</summary>
public sealed record ProviderInstance(string Name, ProviderType Type, Uri BaseUrl, string? ApiKey)
{
    /// <summary><see cref="BaseUrl"/> + <paramref name="path"/> + <paramref name="query"/>, the base's trailing slash trimmed.</summary>
    public Uri UpstreamUri(string path, string query) =>
        new(BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + path + query);
}

using System.Net.Http.Headers;
using AIBridge.Application.Gateway.Credentials;
using AIBridge.Application.Gateway.Providers;

namespace AIBridge.Web.Gateway;

/// <summary>Builds the request sent upstream from the client's.</summary>
public static class UpstreamRequest
{
    /// <summary>The client's request as the upstream gets it: its headers less the gateway's own, then the provider's static headers.</summary>
    public static HttpRequestMessage Create(HttpContext context, ProviderInstance provider, Uri uri, HttpContent? content)
    {
        var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), uri)
        {
            Content = content,
            Version = System.Net.HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrHigher,
        };
        foreach (var (name, values) in ForwardedHeaders.Request(context.Request.Headers))
        {
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        foreach (var (name, value) in provider.Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>A bridged call: the chosen credential only; Anthropic gets a default version; JSON by default.</summary>
    public static HttpRequestMessage Bridged(HttpContext context, ProviderInstance provider, ProviderType family, string path, HttpContent body,
        UpstreamCredential credential)
    {
        var request = Create(context, provider, provider.UpstreamUri(path, context.Request.QueryString.Value ?? ""), body);
        SetCredential(request, credential.HeaderName, credential.HeaderValue);
        if (family == ProviderType.Anthropic && !request.Headers.Contains("anthropic-version"))
        {
            request.Headers.TryAddWithoutValidation("anthropic-version", "2023-06-01");
        }

        request.Content!.Headers.ContentType ??= new MediaTypeHeaderValue("application/json");
        return request;
    }

    /// <summary>
    /// A passthrough call: the body streams through; the user's own provider key stays in BYOK mode;
    /// otherwise the <paramref name="central"/> key is added when no credential is left.
    /// </summary>
    public static HttpRequestMessage Passthrough(HttpContext context, ProviderInstance provider, string path, bool byok, UpstreamCredential? central)
    {
        var incoming = context.Request;
        var hasBody = incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0;
        var request = Create(context, provider, provider.UpstreamUri(path, incoming.QueryString.Value ?? ""), hasBody ? new StreamContent(incoming.Body) : null);
        if (hasBody && incoming.ContentLength is { } length)
        {
            request.Content!.Headers.ContentLength = length;
        }

        if (byok)
        {
            SetCredential(request, GatewayHeaders.Authorization, incoming.Headers.Authorization);
            SetCredential(request, GatewayHeaders.ApiKey, incoming.Headers[GatewayHeaders.ApiKey]);
        }

        if (central?.HeaderName is { } header && !request.Headers.Contains(GatewayHeaders.Authorization) && !request.Headers.Contains(header))
        {
            SetCredential(request, header, central.HeaderValue);
        }

        var forwardedFor = incoming.Headers["X-Forwarded-For"].ToString();
        if (context.Connection.RemoteIpAddress is { } remote)
        {
            request.Headers.Remove("X-Forwarded-For");
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", string.IsNullOrEmpty(forwardedFor) ? remote.ToString() : $"{forwardedFor}, {remote}");
        }

        request.Headers.Remove("X-Forwarded-Host");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", incoming.Host.Value);
        request.Headers.Remove("X-Forwarded-Proto");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", incoming.Scheme);
        if (!request.Headers.Contains("User-Agent"))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", "aibridge");
        }

        return request;
    }

    private static void SetCredential(HttpRequestMessage request, string? name, string? value)
    {
        if (name is not null && !string.IsNullOrEmpty(value))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}

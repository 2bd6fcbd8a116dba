using AIBridge.Application.Gateway.Providers;
using System.Runtime.CompilerServices;
using AIBridge.Domain.Interceptions;

namespace AIBridge.Application.Gateway.Credentials;

/// <summary>The one auth header sent upstream, and what is recorded about it.</summary>
/// <param name="HeaderName">"X-Api-Key", "api-key" or "Authorization"; null when there is no key at all.</param>
/// <param name="HeaderValue">The header's value (secret: never logged).</param>
/// <param name="Kind"><c>centralized</c> or <c>byok</c>.</param>
/// <param name="Hint">The masked key.</param>
/// <param name="KeyLength">Length of the key in code points, for logs.</param>
public sealed record UpstreamCredential(string? HeaderName, string? HeaderValue, string Kind, string Hint, int KeyLength)
{
    /// <summary>The central key's credential never changes for a provider: masked once, not per request.</summary>
    private static readonly ConditionalWeakTable<ProviderInstance, UpstreamCredential> CentralizedByProvider = new();

    /// <summary>The pooled key this credential carries, when it came from a stored provider's pool.</summary>
    public PooledKey? Key { get; init; }

    /// <summary>
    /// Chooses the credential from what the client sent after its AIBridge token was identified.
    /// In BYOK mode <paramref name="clientAuthorization"/>/<paramref name="clientApiKey"/> are the user's provider key.
    /// A provider with a key pool gets its first usable key, or null when none is usable.
    /// </summary>
    public static UpstreamCredential? Choose(ProviderInstance provider, bool byok, string? clientAuthorization, string? clientApiKey, DateTime now)
    {
        if (byok)
        {
            if (provider.Type == ProviderType.Anthropic && !string.IsNullOrWhiteSpace(clientApiKey))
            {
                return User(GatewayHeaders.ApiKey, clientApiKey.Trim(), clientApiKey.Trim());
            }

            if (CallerCredentials.BearerToken(clientAuthorization) is { } bearer)
            {
                return User(GatewayHeaders.Authorization, "Bearer " + bearer, bearer);
            }
        }

        if (provider.Keys is { } pool)
        {
            return pool.Next(now)?.Credential;
        }

        if (provider.Bedrock is { } bedrock)
        {
            // Signed, not sent as a header: the hint names the access key id, or is empty for the AWS credential chain.
            var id = bedrock.Settings.AccessKeyId;
            return new UpstreamCredential(null, null, CredentialKind.Centralized, KeyMask.Mask(id), KeyMask.Length(id));
        }

        return CentralizedByProvider.GetValue(provider, p => Central(p.Kind, p.ApiKey));
    }

    /// <summary>A central key as the provider type expects it: <c>X-Api-Key</c>, Azure's <c>api-key</c>, else a Bearer token.</summary>
    public static UpstreamCredential Central(string kind, string? key)
    {
        var hint = KeyMask.Mask(key);
        if (string.IsNullOrEmpty(key))
        {
            return new UpstreamCredential(null, null, CredentialKind.Centralized, hint, 0);
        }

        var (header, value) = kind switch
        {
            ProviderKinds.Anthropic => (GatewayHeaders.ApiKey, key),
            ProviderKinds.Azure => (GatewayHeaders.AzureApiKey, key),
            _ => (GatewayHeaders.Authorization, "Bearer " + key),
        };
        return new UpstreamCredential(header, value, CredentialKind.Centralized, hint, KeyMask.Length(key));
    }

    private static UpstreamCredential User(string header, string value, string key) =>
        new(header, value, CredentialKind.Byok, KeyMask.Mask(key), KeyMask.Length(key));
}

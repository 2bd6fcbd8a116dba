using AIBridge.Application.Common.Security;
using AIBridge.Application.Gateway.Bedrock;
using AIBridge.Application.Gateway.Credentials;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Domain.Providers;

namespace AIBridge.Application.Providers;

/// <summary>
/// Turns a stored provider into the instance the gateway routes to. One that cannot work (switched off,
/// a name a configured provider took since, keys the key ring cannot decrypt) still becomes an instance,
/// one that answers 503 with the reason, so the others keep working and the API can show why.
/// </summary>
public static class StoredProviders
{
    public static ProviderInstance Build(StoredProvider stored, ISecretProtector protector, ProviderCatalog catalog)
    {
        var family = ProviderKinds.Family(stored.Type);
        var (settings, settingsError) = ProviderTypeSettings.Parse(stored.Type, stored.Settings);
        var bedrock = settings?.Bedrock;
        var baseUrl = bedrock is not null && string.IsNullOrWhiteSpace(stored.BaseUrl) && bedrock.Region is not null
            ? bedrock.DefaultBaseUrl()
            : BaseUrl(stored.Type, stored.BaseUrl);
        var failure = family is null ? $"unknown provider type \"{stored.Type}\"; this AIBridge knows {ProviderKinds.Allowed}"
            : catalog.IsConfigured(stored.Name) ? "a provider of the same name is configured in AIBridge settings, and wins"
            : settingsError is not null ? "settings: " + settingsError
            : baseUrl is null ? "its base URL is not an absolute http or https URL"
            : null;
        var keys = new List<(Guid, string)>();
        foreach (var key in stored.Keys.OrderBy(k => k.Position))
        {
            if (failure is not null)
            {
                break;
            }

            if (protector.Unprotect(key.Protected) is { } secret)
            {
                keys.Add((key.Id, secret));
            }
            else
            {
                failure = $"API key {key.Masked} cannot be decrypted: the data protection key ring of this database does not hold the key it was encrypted with; set the keys again";
            }
        }

        var instance = new ProviderInstance(stored.Name, family ?? ProviderType.OpenAI, baseUrl ?? new Uri("http://invalid"), null)
        {
            Kind = stored.Type,
            Source = ProviderSources.Api,
            Version = stored.UpdatedAt,
        };
        if (failure is not null)
        {
            return instance with { Status = ProviderStatuses.Error, Unavailable = failure };
        }

        if (!stored.Enabled)
        {
            return instance with { Status = ProviderStatuses.Disabled, Unavailable = "it is disabled" };
        }

        if (bedrock is not null)
        {
            var region = bedrock.Region ?? BedrockAccess.RegionOf(baseUrl!) ?? BedrockAccess.DefaultRegion;
            return instance with { Bedrock = new BedrockAccess(bedrock, region, keys.Count > 0 ? keys[0].Item2 : null) };
        }

        return instance with
        {
            Keys = keys.Count > 0 ? new KeyPool(stored.Name, stored.Type, keys) : null,
            Headers = settings!.Headers,
            ApiVersion = settings.ApiVersion,
        };
    }

    /// <summary>The type's default when none is given; null when the given one is not an absolute http(s) URL, or the type has no default.</summary>
    public static Uri? BaseUrl(string type, string? baseUrl) =>
        string.IsNullOrWhiteSpace(baseUrl) ? ProviderKinds.DefaultBaseUrl(type)
        : Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : null;
}

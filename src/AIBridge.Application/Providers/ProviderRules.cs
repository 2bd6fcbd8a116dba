using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Domain.Providers;
using FluentValidation;

namespace AIBridge.Application.Providers;

/// <summary>The rules a provider's fields keep, shared by creating and editing one.</summary>
internal static class ProviderRules
{
    /// <summary>The checks that depend on the provider's type: its base URL, its settings and whether it holds keys.</summary>
    public static IEnumerable<ValidationError> ForType(string type, string? baseUrl, string? settings, int keys)
    {
        if (ProviderKinds.Family(type) is null)
        {
            yield break;
        }

        var (parsed, error) = ProviderTypeSettings.Parse(type, settings);
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            // Bedrock's default follows its region; with settings that do not parse, only their error is told.
            var hasDefault = ProviderKinds.DefaultBaseUrl(type) is not null || parsed?.Bedrock?.Region is not null || (type == ProviderKinds.Bedrock && error is not null);
            if (!hasDefault)
            {
                yield return type == ProviderKinds.Bedrock
                    ? new ValidationError("base_url", "A provider of type bedrock needs a region (settings) or a base URL.")
                    : new ValidationError("base_url", $"A provider of type {type} needs a base URL.");
            }
        }
        else if (StoredProviders.BaseUrl(type, baseUrl) is null)
        {
            yield return new ValidationError("base_url", "Base URL must be an absolute http or https URL.");
        }

        if (error is not null)
        {
            yield return new ValidationError("settings", $"Settings {error}.");
        }

        if (keys > 0 && ProviderKinds.HoldsNoKeys(type))
        {
            yield return new ValidationError("api_keys", type == ProviderKinds.Bedrock
                ? "A provider of type bedrock holds no keys: give settings access_key_id and secret_access_key, or neither for the default AWS credential chain."
                : $"A provider of type {type} holds no keys: each user's own token is sent.");
        }
    }

    public static void Keys<T>(IRuleBuilderInitial<T, IReadOnlyList<ProviderKeyInput>?> rule, bool idsAllowed) =>
        rule.Must(keys => keys is null || keys.Count <= StoredProvider.MaxKeys)
            .WithMessage($"A provider holds at most {StoredProvider.MaxKeys} API keys.")
            .ForEach(key => key
                .Must(k => k is not null && (k.Id is null) != (k.ApiKey is null))
                .WithMessage(idsAllowed ? "Each entry keeps a key ({\"id\": ...}) or adds one ({\"api_key\": ...})." : "Each entry adds a key: {\"api_key\": ...}.")
                .Must(k => idsAllowed || k?.Id is null).WithMessage("A new provider has no keys to keep: give each as {\"api_key\": ...}.")
                .Must(k => k?.ApiKey is null || IsPlausibleKey(k.ApiKey))
                .WithMessage($"An API key is 1 to {StoredProviderKey.KeyMaxLength} visible characters, without spaces."));

    public static void Name<T>(IRuleBuilderInitial<T, string?> rule) =>
        rule.NotEmpty()
            .MaximumLength(StoredProvider.NameMaxLength)
            .Must(n => n is null || ProviderCatalog.IsValidName(n)).WithMessage("Name must match ^[a-z0-9]+(-[a-z0-9]+)*$.")
            .Must(n => !ProviderCatalog.Reserved.Contains(n)).WithMessage($"Name is reserved: {string.Join(", ", ProviderCatalog.Reserved)} are paths of the API.");

    public static void Throw(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new RequestValidationException(Messages.ValidationFailed, null, errors);
        }
    }

    private static bool IsPlausibleKey(string key) =>
        key.Length is > 0 and <= StoredProviderKey.KeyMaxLength && !key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}

/// <summary>One entry of a provider's <c>api_keys</c>: an existing key to keep by its id, or a new key.</summary>
public sealed record ProviderKeyInput(Guid? Id, string? ApiKey);

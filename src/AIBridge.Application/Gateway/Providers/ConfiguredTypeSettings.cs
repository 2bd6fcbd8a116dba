using System.Text.Json;
using AIBridge.Application.Common.Exceptions;

namespace AIBridge.Application.Gateway.Providers;

/// <summary>
/// A configured provider's type settings, checked by the same rules as a stored provider's: they are put
/// in the API's settings shape, and an error names the configuration key it came from.
/// </summary>
internal static class ConfiguredTypeSettings
{
    /// <summary>The settings' names in the API, and the configuration keys they come from.</summary>
    private static readonly (string Json, string Key)[] Names =
    [
        ("headers", "Headers"), ("api_version", "ApiVersion"), ("region", "Region"), ("mode", "Mode"), ("small_fast_model", "SmallFastModel"),
        ("model", "Model"), ("access_key_id", "AccessKey"),
    ];

    /// <exception cref="ConfigurationException">A setting is wrong, or does not belong to the type.</exception>
    public static ProviderTypeSettings Read(string setting, string name, string kind, ProviderSettings settings)
    {
        var members = new Dictionary<string, object?>
        {
            ["headers"] = settings.Headers is { Count: > 0 } headers ? headers : null,
            ["api_version"] = settings.ApiVersion,
            ["region"] = settings.Region,
            ["mode"] = settings.Mode,
            ["model"] = settings.Model,
            ["small_fast_model"] = settings.SmallFastModel,
            ["access_key_id"] = settings.AccessKey,
        }.Where(m => m.Value is not null).ToDictionary();
        var json = members.Count == 0 && kind != ProviderKinds.Bedrock ? null : JsonSerializer.Serialize(members);
        var (parsed, error) = ProviderTypeSettings.Parse(kind, json);
        if (error is null && parsed!.Bedrock is { } bedrock && (bedrock.AccessKeyId is null) != string.IsNullOrEmpty(settings.AccessKeySecret))
        {
            error = "both access key and access key secret must be provided together (AccessKey and AccessKeySecret), or neither for the default AWS credential chain";
        }

        if (error is null && kind != ProviderKinds.Bedrock && !string.IsNullOrEmpty(settings.AccessKeySecret))
        {
            error = $"AccessKeySecret is not a setting of type {kind}";
        }

        if (error is not null)
        {
            foreach (var (jsonName, key) in Names)
            {
                error = error.Replace($"\"{jsonName}\"", key, StringComparison.Ordinal);
            }

            throw new ConfigurationException($"invalid settings for provider \"{name}\" ({setting}): {error}");
        }

        return parsed!;
    }
}

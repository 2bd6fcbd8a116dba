using System.Text.Json.Nodes;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Gateway.Bedrock;
using AIBridge.Domain.Providers;

namespace AIBridge.Application.Providers;

/// <summary>
/// A <c>bedrock</c> provider's <c>secret_access_key</c> never stays in its settings: it is taken out and kept
/// as the provider's one encrypted key, shown only masked. Settings given without it keep the stored one.
/// </summary>
internal static class BedrockSecret
{
    /// <summary>The settings to store, and the secret they carried (null when none).</summary>
    public static (string? Settings, string? Secret) Split(string? settings)
    {
        if (settings is null || JsonNode.Parse(settings) is not JsonObject root || !root.ContainsKey(BedrockSettings.SecretMember))
        {
            return (settings, null);
        }

        var secret = root[BedrockSettings.SecretMember]?.GetValue<string>();
        root.Remove(BedrockSettings.SecretMember);
        return (root.ToJsonString(), string.IsNullOrEmpty(secret) ? null : secret);
    }

    /// <summary>Both halves of static credentials, or neither.</summary>
    /// <param name="hasSecret">Whether a secret is given now or already stored.</param>
    public static ValidationError? Check(BedrockSettings settings, bool hasSecret) =>
        (settings.AccessKeyId is null) == hasSecret
            ? new ValidationError("settings", "Settings access_key_id and secret_access_key must be given together, or neither for the default AWS credential chain.")
            : null;

    /// <summary>The key list that keeps the stored secret, replaces it with a new one, or drops it with the access key id.</summary>
    public static IReadOnlyList<ProviderKeyInput> Keys(StoredProvider? stored, string? secret, BedrockSettings settings) =>
        secret is not null ? [new ProviderKeyInput(null, secret)]
        : settings.AccessKeyId is not null && stored?.Keys.FirstOrDefault() is { } kept ? [new ProviderKeyInput(kept.Id, null)]
        : [];
}

using System.Text.Json;
using AIBridge.Application.Providers;

namespace AIBridge.Web.Contracts;

/// <summary>A key of a provider's pool: <c>{"api_key": "…"}</c> adds one; <c>{"id": "…"}</c> keeps one (when editing).</summary>
public sealed record ProviderKeyRequest(Guid? Id, string? ApiKey)
{
    public static IReadOnlyList<ProviderKeyInput>? Inputs(IReadOnlyList<ProviderKeyRequest?>? keys) =>
        keys?.Select(k => new ProviderKeyInput(k?.Id, k?.ApiKey)).ToArray();
}

/// <summary>The body of <c>POST /api/v2/aibridge/providers</c>.</summary>
/// <param name="Name">The route segment: <c>/api/v2/aibridge/{name}/…</c>; lower-case letters, digits and single hyphens.</param>
/// <param name="Type"><c>anthropic</c>, <c>openai</c>, <c>openai-compat</c>, <c>azure</c>, <c>copilot</c> or <c>bedrock</c>.</param>
/// <param name="BaseUrl">The upstream base URL, its path kept; optional for <c>anthropic</c>, <c>openai</c> and <c>copilot</c>.</param>
/// <param name="ApiKeys">Up to 5 keys, tried in order; they are stored encrypted and never shown again. None for <c>copilot</c>, which sends each user's own token, nor <c>bedrock</c>, whose secret access key is a setting.</param>
/// <param name="Settings">The type's settings: <c>{"headers": {…}}</c> for <c>openai-compat</c>, <c>{"api_version": "…"}</c> for <c>azure</c>, <c>{"region", "mode", "model", "small_fast_model", "access_key_id", "secret_access_key"}</c> for <c>bedrock</c>.</param>
public sealed record CreateProviderRequest(
    string? Name, string? Type, string? DisplayName, bool? Enabled, string? BaseUrl, IReadOnlyList<ProviderKeyRequest?>? ApiKeys, JsonElement? Settings)
{
    /// <summary>The settings as stored text; none, or an empty object, is no settings.</summary>
    public string? SettingsText() => UpdateProviderRequest.Text(Settings) is { Length: > 0 } text ? text : null;
}

/// <summary>The body of <c>PATCH /api/v2/aibridge/providers/{name}</c>: what is missing stays as it is.</summary>
/// <param name="BaseUrl">An empty string returns to the type's default.</param>
/// <param name="ApiKeys">The whole pool: keys kept by id, new keys added, the others deleted; <c>[]</c> removes them all.</param>
/// <param name="Settings">The whole settings object, replacing the one in force; <c>{}</c> clears it.</param>
public sealed record UpdateProviderRequest(
    string? DisplayName, bool? Enabled, string? BaseUrl, IReadOnlyList<ProviderKeyRequest?>? ApiKeys, JsonElement? Settings)
{
    /// <summary>The settings as the edit takes them: null keeps them, an empty string (an empty object) clears them.</summary>
    public string? SettingsText() => Text(Settings);

    internal static string? Text(JsonElement? settings) => settings switch
    {
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.Object } s when !s.EnumerateObject().Any() => "",
        { } s => s.GetRawText(),
    };
}

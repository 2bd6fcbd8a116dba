using System.Text.Json.Serialization;
using AIBridge.Application.Common.Json;
using AIBridge.Application.Gateway.Credentials;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Domain.Providers;

namespace AIBridge.Application.Providers;

/// <summary>A provider as the API shows it: never a key, only its mask and its state in the answering process.</summary>
/// <param name="Id">Null for a configured provider, which has no stored row.</param>
/// <param name="Source"><c>config</c> (from AIBridge settings, read-only here) or <c>api</c>.</param>
/// <param name="Status"><c>enabled</c>, <c>disabled</c>, or <c>error</c> with the reason in <c>status_detail</c>.</param>
public sealed record ProviderDto(
    Guid? Id, string Name, string Type, string DisplayName, bool Enabled, string BaseUrl, string Source, IReadOnlyList<ProviderKeyDto> ApiKeys,
    [property: JsonConverter(typeof(JsonObjectTextConverter))] string? Settings, string Status, string StatusDetail, DateTime? CreatedAt,
    DateTime? UpdatedAt)
{
    /// <param name="running">The provider as this process runs it, when it does.</param>
    public static ProviderDto From(StoredProvider stored, ProviderInstance? running, DateTime now)
    {
        var current = running?.Version == stored.UpdatedAt ? running : null;
        var keys = stored.Keys.OrderBy(k => k.Position).Select(k =>
        {
            var pooled = current?.Keys?.Keys.FirstOrDefault(p => p.Id == k.Id);
            return new ProviderKeyDto(k.Id, k.Masked, k.CreatedAt, pooled?.State(now) ?? KeyStates.Valid, pooled?.CooldownUntil(now));
        }).ToArray();
        var (status, detail) = current is not null ? (current.Status, current.Unavailable ?? "")
            : (stored.Enabled ? ProviderStatuses.Enabled : ProviderStatuses.Disabled, "");
        return new ProviderDto(stored.Id, stored.Name, stored.Type, stored.DisplayName ?? stored.Name, stored.Enabled,
            stored.BaseUrl ?? (current is { Unavailable: null } ? current.BaseUrl.ToString() : ProviderKinds.DefaultBaseUrl(stored.Type)?.ToString()) ?? "", ProviderSources.Api, keys, stored.Settings, status, detail,
            stored.CreatedAt, stored.UpdatedAt);
    }

    /// <summary>A provider from AIBridge settings: its one key, if it has one, has no id.</summary>
    public static ProviderDto From(ProviderInstance configured) => new(
        null, configured.Name, configured.Kind, configured.Name, true, configured.BaseUrl.ToString(), ProviderSources.Config,
        string.IsNullOrEmpty(configured.ApiKey) ? [] : [new ProviderKeyDto(null, KeyMask.Mask(configured.ApiKey), null, KeyStates.Valid, null)],
        null, configured.Status, configured.Unavailable ?? "", null, null);
}

/// <param name="Masked">The key's first and last characters, e.g. <c>sk-a...x9Qa</c>.</param>
/// <param name="State"><c>valid</c>, <c>cooldown</c> (rate limited until <c>cooldown_until</c>) or <c>permanent</c> (refused as invalid), in the answering process.</param>
public sealed record ProviderKeyDto(Guid? Id, string Masked, DateTime? CreatedAt, string State, DateTime? CooldownUntil);

/// <summary>The providers: configured ones first, then those stored through the API, by name.</summary>
public sealed record ProviderListDto(IReadOnlyList<ProviderDto> Providers);

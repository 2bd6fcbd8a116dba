namespace AIBridge.Domain.Providers;

/// <summary>
/// A provider an owner added through the API, beside those configured in settings. Its keys are held
/// encrypted; its type-specific settings are a JSON object.
/// </summary>
public sealed class StoredProvider
{
    public Guid Id { get; set; }

    /// <summary>The route segment and the recorded <c>provider_name</c>; unique across configured and stored providers.</summary>
    public string Name { get; set; } = "";

    /// <summary>The provider type: <c>anthropic</c>, <c>openai</c>, <c>openai-compat</c>, <c>azure</c>, <c>copilot</c> or <c>bedrock</c>.</summary>
    public string Type { get; set; } = "";

    public string? DisplayName { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>The upstream base URL, its path kept; null for the type's default.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The type's own settings as a JSON object, or null.</summary>
    public string? Settings { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Changes with every edit: other processes reload the provider when it moves.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>The key pool, tried in <see cref="StoredProviderKey.Position"/> order.</summary>
    public List<StoredProviderKey> Keys { get; set; } = [];

    public const int NameMaxLength = 64;
    public const int TypeMaxLength = 32;
    public const int DisplayNameMaxLength = 128;
    public const int BaseUrlMaxLength = 2048;
    public const int SettingsMaxLength = 16384;
    public const int MaxKeys = 5;
}

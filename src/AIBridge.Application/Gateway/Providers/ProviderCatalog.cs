using System.Text.RegularExpressions;

namespace AIBridge.Application.Gateway.Providers;

/// <summary>
/// The provider instances, validated once at start-up (bridge spec §2): a bad configuration stops the
/// process with the spec's message rather than failing requests later.
/// </summary>
public sealed partial class ProviderCatalog
{
    private static readonly string[] Reserved = ["interceptions", "sessions", "models", "clients"];

    private readonly Dictionary<string, ProviderInstance> _byName;

    public ProviderCatalog(IEnumerable<ProviderInstance> providers) =>
        _byName = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<ProviderInstance> All => _byName.Values;

    public ProviderInstance? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Builds the catalog from configuration; with no provider configured, the defaults <c>anthropic</c>
    /// and <c>openai</c> with keys from <c>ANTHROPIC_API_KEY</c> / <c>OPENAI_API_KEY</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A provider is misconfigured; the message says which and why.</exception>
    public static ProviderCatalog Create(IReadOnlyDictionary<string, ProviderSettings> configured, Func<string, string?> environment)
    {
        if (configured.Count == 0)
        {
            return new ProviderCatalog([
                new ProviderInstance("anthropic", ProviderType.Anthropic, DefaultBaseUrl(ProviderType.Anthropic), environment("ANTHROPIC_API_KEY")),
                new ProviderInstance("openai", ProviderType.OpenAI, DefaultBaseUrl(ProviderType.OpenAI), environment("OPENAI_API_KEY")),
            ]);
        }

        return new ProviderCatalog(configured.Select(p => Validate(p.Key, p.Value, environment)));
    }

    public static Uri DefaultBaseUrl(ProviderType type) =>
        type == ProviderType.Anthropic ? new Uri("https://api.anthropic.com") : new Uri("https://api.openai.com/v1");

    private static ProviderInstance Validate(string name, ProviderSettings settings, Func<string, string?> environment)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new InvalidOperationException($"invalid provider name \"{name}\": must match ^[a-z0-9]+(-[a-z0-9]+)*$");
        }

        if (Reserved.Contains(name))
        {
            throw new InvalidOperationException($"invalid provider name \"{name}\": reserved");
        }

        var type = ProviderTypes.Parse(settings.Type)
            ?? throw new InvalidOperationException($"unknown provider type \"{settings.Type}\" for provider \"{name}\"");
        var baseUrl = DefaultBaseUrl(type);
        if (!string.IsNullOrWhiteSpace(settings.BaseUrl)
            && !(Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out baseUrl!) && baseUrl.Scheme is "http" or "https"))
        {
            throw new InvalidOperationException($"invalid base URL for provider \"{name}\"");
        }

        var key = string.IsNullOrEmpty(settings.ApiKey)
            ? environment(type == ProviderType.Anthropic ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY")
            : settings.ApiKey;
        return new ProviderInstance(name, type, baseUrl, key);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}

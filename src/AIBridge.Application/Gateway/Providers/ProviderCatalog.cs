using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Gateway.Resilience;
using System.Text.RegularExpressions;

namespace AIBridge.Application.Gateway.Providers;

/// <summary>
/// The provider instances, validated once at start-up: a bad configuration stops the
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
    /// <exception cref="ConfigurationException">A provider is misconfigured; the message names the setting, the value and what is allowed.</exception>
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
        var setting = $"AIBridge:Providers:{name}";
        if (!NamePattern().IsMatch(name))
        {
            throw new ConfigurationException($"invalid provider name \"{name}\" ({setting}): must match ^[a-z0-9]+(-[a-z0-9]+)*$");
        }

        if (Reserved.Contains(name))
        {
            throw new ConfigurationException($"invalid provider name \"{name}\" ({setting}): reserved; {string.Join(", ", Reserved)} are paths of the audit API");
        }

        if (string.IsNullOrWhiteSpace(settings.Type))
        {
            throw new ConfigurationException($"provider \"{name}\" has no type ({setting}:Type): use anthropic or openai");
        }

        var type = ProviderTypes.Parse(settings.Type)
            ?? throw new ConfigurationException($"unknown provider type \"{settings.Type}\" for provider \"{name}\" ({setting}:Type): use anthropic or openai");
        var baseUrl = DefaultBaseUrl(type);
        if (!string.IsNullOrWhiteSpace(settings.BaseUrl)
            && !(Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out baseUrl!) && baseUrl.Scheme is "http" or "https"))
        {
            throw new ConfigurationException(
                $"invalid base URL \"{settings.BaseUrl}\" for provider \"{name}\" ({setting}:BaseUrl): use an absolute http or https URL, e.g. {DefaultBaseUrl(type)}");
        }

        var key = string.IsNullOrEmpty(settings.ApiKey)
            ? environment(type == ProviderType.Anthropic ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY")
            : settings.ApiKey;
        return new ProviderInstance(name, type, baseUrl, key) { CircuitBreaker = Breaker(setting + ":CircuitBreaker", settings.CircuitBreaker) };
    }

    private static CircuitBreakerSettings? Breaker(string setting, CircuitBreakerSettings? breaker)
    {
        if (breaker is not { Enabled: true })
        {
            return null;
        }

        if (breaker.FailureThreshold < 1 || breaker.MaxRequests < 1)
        {
            var (name, value) = breaker.FailureThreshold < 1 ? ("FailureThreshold", breaker.FailureThreshold) : ("MaxRequests", breaker.MaxRequests);
            throw new ConfigurationException($"invalid {setting}:{name} \"{value}\": use a whole number from 1");
        }

        foreach (var (name, value) in new[] { ("Interval", breaker.Interval), ("Timeout", breaker.Timeout) })
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ConfigurationException($"invalid {setting}:{name} \"{value}\": use a duration above zero, e.g. 00:00:30");
            }
        }

        return breaker;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}

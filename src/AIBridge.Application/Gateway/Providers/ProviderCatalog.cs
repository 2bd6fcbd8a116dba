using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Gateway.Bedrock;
using AIBridge.Application.Gateway.Resilience;
using System.Text.RegularExpressions;

namespace AIBridge.Application.Gateway.Providers;

/// <summary>
/// The provider instances: those configured in settings, validated once at start-up (a bad configuration
/// stops the process rather than failing requests later), and those stored through the API, replaced
/// whole when they change. Read on the gateway's hot path without a lock.
/// </summary>
public sealed partial class ProviderCatalog
{
    /// <summary>Paths of the API under the gateway's prefix: a provider of that name could not be reached.</summary>
    public static readonly IReadOnlyList<string> Reserved = ["interceptions", "sessions", "models", "clients", "prices", "usage", "providers"];

    private readonly Dictionary<string, ProviderInstance> _configured;
    private Dictionary<string, ProviderInstance> _stored = new(StringComparer.Ordinal);

    public ProviderCatalog(IEnumerable<ProviderInstance> providers) =>
        _configured = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>The configured providers, then the stored ones.</summary>
    public IReadOnlyCollection<ProviderInstance> All => [.. _configured.Values, .. Stored];

    public IReadOnlyCollection<ProviderInstance> Configured => _configured.Values;

    public IReadOnlyCollection<ProviderInstance> Stored => Volatile.Read(ref _stored).Values;

    /// <summary>A configured provider wins over a stored one of the same name (which then reports an error).</summary>
    public ProviderInstance? Find(string name) => _configured.GetValueOrDefault(name) ?? Volatile.Read(ref _stored).GetValueOrDefault(name);

    public bool IsConfigured(string name) => _configured.ContainsKey(name);

    /// <summary>The stored provider of that name as this process runs it now.</summary>
    public ProviderInstance? FindStored(string name) => Volatile.Read(ref _stored).GetValueOrDefault(name);

    public void ReplaceStored(IEnumerable<ProviderInstance> stored) =>
        Volatile.Write(ref _stored, stored.ToDictionary(p => p.Name, StringComparer.Ordinal));

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

    public static Uri DefaultBaseUrl(ProviderType type) => ProviderKinds.DefaultBaseUrl(type.Name())!;

    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    private static ProviderInstance Validate(string name, ProviderSettings settings, Func<string, string?> environment)
    {
        var setting = $"AIBridge:Providers:{name}";
        if (!NamePattern().IsMatch(name))
        {
            throw new ConfigurationException($"invalid provider name \"{name}\" ({setting}): must match ^[a-z0-9]+(-[a-z0-9]+)*$");
        }

        if (Reserved.Contains(name))
        {
            throw new ConfigurationException($"invalid provider name \"{name}\" ({setting}): reserved; {string.Join(", ", Reserved)} are paths of the API");
        }

        var allowed = string.Join(", ", ProviderKinds.All.SkipLast(1)) + " or " + ProviderKinds.All[^1];
        if (string.IsNullOrWhiteSpace(settings.Type))
        {
            throw new ConfigurationException($"provider \"{name}\" has no type ({setting}:Type): use {allowed}");
        }

        var kind = settings.Type.Trim().ToLowerInvariant();
        var type = ProviderKinds.Family(kind)
            ?? throw new ConfigurationException($"unknown provider type \"{settings.Type}\" for provider \"{name}\" ({setting}:Type): use {allowed}");
        var typeSettings = ConfiguredTypeSettings.Read(setting, name, kind, settings);
        var fallback = typeSettings.Bedrock is { Region: not null } regional ? regional.DefaultBaseUrl() : ProviderKinds.DefaultBaseUrl(kind);
        Uri? baseUrl = fallback;
        if (!string.IsNullOrWhiteSpace(settings.BaseUrl)
            && !(Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out baseUrl) && baseUrl.Scheme is "http" or "https"))
        {
            throw new ConfigurationException(
                $"invalid base URL \"{settings.BaseUrl}\" for provider \"{name}\" ({setting}:BaseUrl): use an absolute http or https URL, e.g. {fallback ?? new Uri("https://llm.example.com/v1")}");
        }

        if (baseUrl is null)
        {
            throw new ConfigurationException(kind == ProviderKinds.Bedrock
                ? $"region or base url required for provider \"{name}\" ({setting}:Region or {setting}:BaseUrl): name an AWS region such as us-east-1, or Bedrock's URL"
                : $"base url required for provider \"{name}\" of type {kind} ({setting}:BaseUrl): use an absolute http or https URL");
        }

        if (ProviderKinds.HoldsNoKeys(kind) && !string.IsNullOrEmpty(settings.ApiKey))
        {
            throw new ConfigurationException(kind == ProviderKinds.Bedrock
                ? $"provider \"{name}\" of type bedrock takes no {setting}:ApiKey: use {setting}:AccessKey and {setting}:AccessKeySecret, or neither for the default AWS credential chain"
                : $"provider \"{name}\" of type copilot takes no {setting}:ApiKey: each user's own Copilot token is sent");
        }

        var key = !string.IsNullOrEmpty(settings.ApiKey) ? settings.ApiKey
            : kind == ProviderKinds.Anthropic ? environment("ANTHROPIC_API_KEY")
            : kind == ProviderKinds.OpenAI ? environment("OPENAI_API_KEY")
            : null;
        return new ProviderInstance(name, type, baseUrl, key)
        {
            Kind = kind,
            CircuitBreaker = Breaker(setting + ":CircuitBreaker", settings.CircuitBreaker),
            Headers = typeSettings.Headers,
            ApiVersion = typeSettings.ApiVersion,
            Bedrock = typeSettings.Bedrock is { } bedrock
                ? new BedrockAccess(bedrock, bedrock.Region ?? BedrockAccess.RegionOf(baseUrl) ?? BedrockAccess.DefaultRegion, settings.AccessKeySecret)
                : null,
        };
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

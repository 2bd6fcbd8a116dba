namespace AIBridge.Application.Gateway.Providers;

/// <summary>One <c>AIBridge:Providers:&lt;name&gt;</c> section as configured.</summary>
public sealed class ProviderSettings
{
    public string? Type { get; set; }

    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    public Resilience.CircuitBreakerSettings? CircuitBreaker { get; set; }
}

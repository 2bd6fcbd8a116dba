namespace AIBridge.Application.Gateway.Resilience;

/// <summary><c>AIBridge:Providers:&lt;name&gt;:CircuitBreaker</c>.</summary>
public sealed class CircuitBreakerSettings
{
    public bool Enabled { get; set; }

    /// <summary>Consecutive failures that open a closed breaker.</summary>
    public int FailureThreshold { get; set; } = 5;

    /// <summary>How often a closed breaker forgets its count of failures.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an open breaker refuses before it lets probes through (half-open).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Probes a half-open breaker lets through; this many successes in a row close it.</summary>
    public int MaxRequests { get; set; } = 3;
}

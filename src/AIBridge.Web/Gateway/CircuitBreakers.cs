using System.Collections.Concurrent;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Application.Gateway.Resilience;
using AIBridge.Application.Gateway.Telemetry;

namespace AIBridge.Web.Gateway;

/// <summary>
/// The circuit breakers of the providers that enable one: one per provider, route and model, made on
/// first use. Their transitions are logged and shown in <c>aibridge_circuit_breaker_state</c>.
/// </summary>
public sealed partial class CircuitBreakers(GatewayMetrics metrics, TimeProvider clock, ILogger<CircuitBreakers> logger)
{
    private readonly ConcurrentDictionary<(string Provider, string Route, string Model), CircuitBreaker> _breakers = new();

    /// <summary>The breaker of this call, or null when its provider has none.</summary>
    public CircuitBreaker? For(ProviderInstance provider, string route, string model) =>
        provider.CircuitBreaker is not { } settings
            ? null
            : _breakers.GetOrAdd((provider.Name, route, model), key =>
            {
                metrics.BreakerState(key.Provider, key.Route, key.Model, 0);
                return new CircuitBreaker(settings, clock, (from, to) => Changed(key, from, to));
            });

    /// <summary>The statuses that count as a failure: the provider is overloaded, limiting, or too slow.</summary>
    public static bool IsFailure(ProviderType type, int status) =>
        status is 429 or 503 or 504 || (status == 529 && type == ProviderType.Anthropic);

    public void Rejected(ProviderInstance provider, string route, string model) => metrics.BreakerRejected(provider.Name, route, model);

    private void Changed((string Provider, string Route, string Model) key, CircuitState from, CircuitState to)
    {
        LogTransition(logger, key.Provider, key.Route, key.Model, Name(from), Name(to));
        metrics.BreakerState(key.Provider, key.Route, key.Model, to switch
        {
            CircuitState.Open => 1,
            CircuitState.HalfOpen => 0.5,
            _ => 0,
        });
        if (to == CircuitState.Open)
        {
            metrics.BreakerTripped(key.Provider, key.Route, key.Model);
        }
    }

    private static string Name(CircuitState state) => state switch
    {
        CircuitState.HalfOpen => "half-open",
        CircuitState.Open => "open",
        _ => "closed",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit breaker {From} -> {To}: provider={Provider} endpoint={Endpoint} model={Model}")]
    private static partial void LogTransition(ILogger logger, string provider, string endpoint, string model, string from, string to);
}

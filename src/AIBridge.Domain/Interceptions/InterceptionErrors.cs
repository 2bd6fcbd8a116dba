namespace AIBridge.Domain.Interceptions;

/// <summary>The kinds of failure an interception records; a completed call has none.</summary>
public static class InterceptionErrors
{
    /// <summary>The provider answered with a non-2xx status, or an error event in its stream.</summary>
    public const string UpstreamError = "upstream_error";

    /// <summary>No response from the provider: connection refused or reset, DNS or TLS failure.</summary>
    public const string UpstreamUnreachable = "upstream_unreachable";

    /// <summary>No response headers in time, or the stream went quiet for longer than the idle timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>The provider's connection broke after the response started.</summary>
    public const string UpstreamDisconnected = "upstream_disconnected";

    public const string ClientDisconnected = "client_disconnected";

    /// <summary>The process that handled it stopped before it ended (found at the next start).</summary>
    public const string GatewayRestarted = "gateway_restarted";

    /// <summary>Refused by the provider's open circuit breaker: the upstream was not called.</summary>
    public const string CircuitOpen = "circuit_breaker_open";

    /// <summary>A fault in the gateway itself.</summary>
    public const string InternalError = "internal_error";
}

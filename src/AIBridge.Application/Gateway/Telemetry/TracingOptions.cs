namespace AIBridge.Application.Gateway.Telemetry;

/// <summary><c>AIBridge:Tracing:*</c>: OpenTelemetry traces over OTLP, off until an endpoint is set here or in <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
public sealed class TracingOptions
{
    /// <summary>The collector's base address (<c>http://collector:4317</c> for gRPC, <c>http://collector:4318</c> for http/protobuf).</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c>; <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> when unset, else <c>grpc</c>.</summary>
    public string? Protocol { get; set; }

    /// <summary>
    /// Send the trace context (<c>traceparent</c>) to the providers. Off by default: a provider has no use
    /// for it, and it tells them the caller's trace ids.
    /// </summary>
    public bool PropagateUpstream { get; set; }

    /// <summary>Spans are exported: an endpoint is configured.</summary>
    public bool Enabled => !string.IsNullOrEmpty(Endpoint);
}

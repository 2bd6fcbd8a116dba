namespace AIBridge.Application.Gateway.Telemetry;

/// <summary><c>AIBridge:Metrics:*</c>: the Prometheus endpoint.</summary>
public sealed class MetricsOptions
{
    /// <summary>Serve <c>/metrics</c> at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Serve <c>/metrics</c> on this port only (a listener of its own) instead of the main one.</summary>
    public int? Port { get; set; }

    /// <summary>
    /// Label per-user series with <c>initiator_id</c>. Off for deployments with many users: each user
    /// multiplies the series of every metric that carries the label.
    /// </summary>
    public bool PerUserLabels { get; set; } = true;
}

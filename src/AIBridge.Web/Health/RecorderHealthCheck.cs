using AIBridge.Application.Gateway.Recording;
using AIBridge.Infrastructure.Recording;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AIBridge.Web.Health;

/// <summary>
/// Readiness of the recorder: a load balancer should send traffic elsewhere before the queue fills and
/// records are dropped, or while the writers commit nothing.
/// </summary>
public sealed class RecorderHealthCheck(RecordQueue queue, IOptions<RecordingOptions> options) : IHealthCheck
{
    /// <summary>The share of the queue's bound from which the process is not ready.</summary>
    public const double FullAt = 0.9;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (fullness, stalled) = queue.Progress();
        if (fullness >= FullAt)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The recording queue is {fullness:P0} full."));
        }

        return Task.FromResult(stalled > options.Value.StalledAfter
            ? HealthCheckResult.Unhealthy($"No batch of records has been written for {stalled.TotalSeconds:F0} s while records wait.")
            : HealthCheckResult.Healthy());
    }
}

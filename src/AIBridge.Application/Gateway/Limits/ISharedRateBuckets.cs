namespace AIBridge.Application.Gateway.Limits;

/// <summary>Per-user token buckets shared by every AIBridge process (Redis).</summary>
public interface ISharedRateBuckets
{
    /// <summary>
    /// Takes one request from the user's bucket of <paramref name="perMinute"/>. Returns null when the
    /// store cannot be reached: the caller then limits in this process alone.
    /// </summary>
    ValueTask<RateTake?> TryTakeAsync(Guid userId, int perMinute, CancellationToken cancellationToken);
}

/// <param name="Allowed">Whether the bucket had a request left.</param>
/// <param name="RetryAfter">When refused: how long until the bucket holds one again.</param>
public readonly record struct RateTake(bool Allowed, TimeSpan RetryAfter);

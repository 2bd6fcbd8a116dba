using System.Threading.RateLimiting;
using AIBridge.Application.Gateway.Errors;

namespace AIBridge.Application.Gateway.Limits;

/// <summary>
/// The per-user rate and concurrency limits and the process-wide concurrency cap, checked after the
/// budget and before the upstream call. Rates are shared by every process through
/// <see cref="ISharedRateBuckets"/> when one is configured; when it cannot be reached, or without one, this
/// process's own buckets decide, so a store outage never refuses traffic by itself. Nothing queues: a
/// request over a limit is refused at once.
/// </summary>
public sealed class RequestLimiter : IDisposable
{
    private readonly LimitsOptions _options;
    private readonly ISharedRateBuckets? _shared;
    private readonly PartitionedRateLimiter<Guid>? _rate;
    private readonly PartitionedRateLimiter<Guid>? _perUser;
    private readonly ConcurrencyLimiter? _all;

    public RequestLimiter(LimitsOptions options, ISharedRateBuckets? shared = null)
    {
        (_options, _shared) = (options, shared);
        if (options.RequestsPerMinutePerUser is { } perMinute)
        {
            // One token every 1/n minute, up to n: the bucket refills evenly instead of all at once each minute.
            _rate = PartitionedRateLimiter.Create<Guid, Guid>(user => RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        }

        if (options.MaxConcurrentPerUser is { } perUser)
        {
            _perUser = PartitionedRateLimiter.Create<Guid, Guid>(user => RateLimitPartition.GetConcurrencyLimiter(user,
                _ => new ConcurrencyLimiterOptions { PermitLimit = perUser, QueueLimit = 0 }));
        }

        if (options.MaxConcurrent is { } all)
        {
            _all = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = all, QueueLimit = 0 });
        }
    }

    /// <summary>True when no limit is set: the gateway skips the check.</summary>
    public bool Off => _rate is null && _perUser is null && _all is null;

    /// <summary>
    /// Admits the user's request, or says why not. The returned slot holds the request's concurrency
    /// until it is disposed, when the request ends.
    /// </summary>
    public async ValueTask<(IDisposable? Slot, LimitRefusal? Refusal)> AcquireAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (_options.RequestsPerMinutePerUser is { } perMinute && await TakeRateAsync(userId, perMinute, cancellationToken) is { } wait)
        {
            return (null, new LimitRefusal("rate", GatewayError.RateLimited($"rate limit exceeded: {perMinute} requests per minute", Seconds(wait))));
        }

        var userLease = _perUser?.AttemptAcquire(userId);
        if (userLease is { IsAcquired: false })
        {
            userLease.Dispose();
            return (null, new LimitRefusal("concurrency", GatewayError.Overloaded($"too many concurrent requests: {_options.MaxConcurrentPerUser} per user", 1)));
        }

        var allLease = _all?.AttemptAcquire();
        if (allLease is { IsAcquired: false })
        {
            allLease.Dispose();
            userLease?.Dispose();
            return (null, new LimitRefusal("concurrency", GatewayError.Overloaded($"AIBridge is serving its limit of {_options.MaxConcurrent} concurrent requests", 1)));
        }

        return (new Slot(userLease, allLease), null);
    }

    public void Dispose()
    {
        _rate?.Dispose();
        _perUser?.Dispose();
        _all?.Dispose();
    }

    /// <summary>Null when the request may start; otherwise how long until it could.</summary>
    private async ValueTask<TimeSpan?> TakeRateAsync(Guid userId, int perMinute, CancellationToken cancellationToken)
    {
        if (_shared is not null && await _shared.TryTakeAsync(userId, perMinute, cancellationToken) is { } take)
        {
            return take.Allowed ? null : take.RetryAfter;
        }

        using var lease = _rate!.AttemptAcquire(userId);
        return lease.IsAcquired
            ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1) / perMinute;
    }

    private static long Seconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));

    private sealed class Slot(RateLimitLease? user, RateLimitLease? all) : IDisposable
    {
        public void Dispose()
        {
            user?.Dispose();
            all?.Dispose();
        }
    }
}

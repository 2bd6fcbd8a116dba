namespace AIBridge.Application.Gateway.Limits;

/// <summary><c>AIBridge:Limits:*</c>: each limit is off unless set.</summary>
public sealed class LimitsOptions
{
    /// <summary>Requests a user may start per minute (a token bucket refilled evenly over the minute).</summary>
    public int? RequestsPerMinutePerUser { get; set; }

    /// <summary>Requests a user may have in progress at once.</summary>
    public int? MaxConcurrentPerUser { get; set; }

    /// <summary>Requests this process serves at once, all users together.</summary>
    public int? MaxConcurrent { get; set; }

    /// <summary>A Redis server (StackExchange.Redis configuration string) that holds the per-user rate buckets for every process.</summary>
    public string? Redis { get; set; }
}

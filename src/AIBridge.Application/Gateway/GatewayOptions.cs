namespace AIBridge.Application.Gateway;

/// <summary><c>AIBridge:*</c> settings of the gateway.</summary>
public sealed class GatewayOptions
{
    public bool AllowBYOK { get; set; }

    /// <summary>
    /// This process's stable name on the database (default: host name and listen address). A restarted
    /// process ends the interceptions its previous run under this name left open, so each process of a
    /// deployment needs its own, kept across restarts.
    /// </summary>
    public string? InstanceId { get; set; }

    public long MaxRequestBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Also write every interception record as a structured log line, for SIEMs.</summary>
    public bool InterceptionLogs { get; set; }

    public UpstreamTimeouts Upstream { get; set; } = new();

    public AuthCacheOptions Auth { get; set; } = new();
}

public sealed class UpstreamTimeouts
{
    /// <summary>TCP and TLS connect.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>From sending the request to receiving the response headers.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(600);

    /// <summary>The longest gap between two body reads once the response started.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(300);
}

public sealed class AuthCacheOptions
{
    public int CacheSeconds { get; set; } = 60;

    public int StaleIfErrorSeconds { get; set; } = 600;
}

using AIBridge.Application.Gateway.Limits;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AIBridge.Infrastructure.Limits;

/// <summary>
/// The per-user rate buckets in Redis, shared by every process that names the same server: one hash per
/// user, refilled and taken from atomically by a script that reads Redis' own clock, so processes with
/// skewed clocks still agree. Commands fail fast while the connection is down; the limiter then falls
/// back to its own buckets, and this logs the switch each way.
/// </summary>
public sealed partial class RedisRateBuckets : ISharedRateBuckets, IDisposable
{
    /// <summary>KEYS[1]: the bucket; ARGV[1]: its size; ARGV[2]: microseconds per token. Returns {allowed, microseconds to wait}.</summary>
    private const string TakeScript = """
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
        local size = tonumber(ARGV[1])
        local every = tonumber(ARGV[2])
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(state[1]) or size
        local at = tonumber(state[2]) or now
        tokens = math.min(size, tokens + math.max(0, now - at) / every)
        local allowed, wait = 0, 0
        if tokens >= 1 then
          tokens = tokens - 1
          allowed = 1
        else
          wait = math.ceil((1 - tokens) * every)
        end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
        redis.call('PEXPIRE', KEYS[1], math.ceil(size * every / 1000) + 1000)
        return {allowed, wait}
        """;

    private readonly ConnectionMultiplexer _redis;
    private readonly ILogger<RedisRateBuckets> _logger;
    private readonly string _server;
    private int _down;

    public RedisRateBuckets(string configuration, ILogger<RedisRateBuckets> logger)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 500);
        _server = string.Join(",", options.EndPoints.Select(e => e.ToString()));
        _logger = logger;
        _redis = ConnectionMultiplexer.Connect(options);
    }

    public async ValueTask<RateTake?> TryTakeAsync(Guid userId, int perMinute, CancellationToken cancellationToken)
    {
        if (!_redis.IsConnected)
        {
            Down(null);
            return null;
        }

        try
        {
            var everyMicros = 60_000_000L / perMinute;
            var result = (long[])(await _redis.GetDatabase().ScriptEvaluateAsync(TakeScript, [(RedisKey)$"aibridge:rate:{userId:N}"], [perMinute, everyMicros]))!;
            if (Interlocked.Exchange(ref _down, 0) == 1)
            {
                LogBack(_logger, _server);
            }

            return new RateTake(result[0] == 1, TimeSpan.FromMicroseconds(result[1]));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Down(e);
            return null;
        }
    }

    public void Dispose() => _redis.Dispose();

    private void Down(Exception? error)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            LogDown(_logger, error, _server);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis {Server} is unreachable: rate limits now count in each process alone, until it is back")]
    private static partial void LogDown(ILogger logger, Exception? exception, string server);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis {Server} is reachable again: rate limits are shared by every process")]
    private static partial void LogBack(ILogger logger, string server);
}

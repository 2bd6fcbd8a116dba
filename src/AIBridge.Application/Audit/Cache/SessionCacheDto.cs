namespace AIBridge.Application.Audit.Cache;

/// <summary>How well one session used the provider's prompt cache, turn by turn.</summary>
/// <param name="HitRatio">Cache reads ÷ (input + cache reads + cache writes), over the session.</param>
/// <param name="BustCostMicros">What the busts' re-sent tokens cost above their cache-read price, in micro-USD, where priced.</param>
public sealed record SessionCacheDto(
    string SessionId, double HitRatio, long CacheReadInputTokens, long CacheWriteInputTokens, long InputTokens, int BustCount, long BustCostMicros,
    IReadOnlyList<CacheTurnDto> Turns);

/// <param name="Bust">Set when the turn read far less from the cache than the turn before it had cached.</param>
public sealed record CacheTurnDto(
    Guid InterceptionId, DateTime StartedAt, string Model, long InputTokens, long CacheReadInputTokens, long CacheWriteInputTokens, double HitRatio,
    CacheBustDto? Bust);

/// <param name="Reason"><c>ttl_expired</c>, <c>system_changed</c>, <c>tools_changed</c> or <c>prefix_changed</c>.</param>
public sealed record CacheBustDto(string Reason);

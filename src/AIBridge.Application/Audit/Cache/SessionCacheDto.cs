namespace AIBridge.Application.Audit.Cache;

/// <summary>How well one session used the provider's prompt cache, turn by turn.</summary>
/// <param name="HitRatio">Cache reads ÷ (input + cache reads + cache writes), over the session.</param>
/// <param name="BustCostMicros">What the busts' re-sent tokens cost above their cache-read price, in micro-USD, where priced.</param>
/// <param name="CostMicros">What the session's turns cost, in micro-USD, as recorded; null when none was priced.</param>
public sealed record SessionCacheDto(
    string SessionId, double HitRatio, long CacheReadInputTokens, long CacheWriteInputTokens, long InputTokens, int BustCount, long BustCostMicros,
    long? CostMicros, IReadOnlyList<CacheTurnDto> Turns);

/// <param name="CostMicros">What the turn cost, in micro-USD, as recorded; null when unpriced.</param>
/// <param name="Bust">Set when the turn read far less from the cache than the turn before it had cached.</param>
public sealed record CacheTurnDto(
    Guid InterceptionId, DateTime StartedAt, string Model, long InputTokens, long CacheReadInputTokens, long CacheWriteInputTokens, double HitRatio,
    long? CostMicros, CacheBustDto? Bust);

/// <param name="Reason"><c>ttl_expired</c>, <c>system_changed</c>, <c>tools_changed</c> or <c>prefix_changed</c>.</param>
public sealed record CacheBustDto(string Reason);

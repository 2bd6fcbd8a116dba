namespace AIBridge.Application.Audit.Cache;

/// <summary>One interception of a session, as the cache report reads it: its tokens summed over its usage rows.</summary>
/// <param name="ThreadRootId">The root of its thread (itself for a root).</param>
/// <param name="CacheWrite1h">The part of <paramref name="CacheWrite"/> kept for an hour.</param>
public sealed record CacheTurn(
    Guid InterceptionId, DateTime StartedAt, string Provider, string Model, Guid ThreadRootId, string? SystemHash, string? ToolsHash,
    long Input, long CacheRead, long CacheWrite, long CacheWrite1h, long? CostMicros = null)
{
    public long PromptTokens => Input + CacheRead + CacheWrite;

    public double HitRatio => PromptTokens == 0 ? 0 : (double)CacheRead / PromptTokens;
}

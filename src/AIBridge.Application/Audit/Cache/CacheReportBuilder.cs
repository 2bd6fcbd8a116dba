using AIBridge.Application.Pricing;
using AIBridge.Domain.Pricing;

namespace AIBridge.Application.Audit.Cache;

/// <summary>
/// Reads a session's turns for prompt-cache busts. A turn is compared with the previous turn of the same
/// model in its thread (else in the session): it is a bust when it read less than half of what that turn
/// had read or written to the cache, while sending at least as long a prompt. The reason is the first of:
/// the gap since that turn passed the cache's lifetime (an hour when that turn wrote hour-long entries, five
/// minutes otherwise); the system prompt changed; the tool definitions changed; else the prefix changed.
/// </summary>
public static class CacheReportBuilder
{
    public static readonly TimeSpan ShortLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan LongLifetime = TimeSpan.FromHours(1);

    public static SessionCacheDto Build(string sessionId, IReadOnlyList<CacheTurn> turns, PriceBook prices)
    {
        var ordered = turns.OrderBy(t => t.StartedAt).ThenBy(t => t.InterceptionId).ToList();
        var rows = new List<CacheTurnDto>(ordered.Count);
        long bustCost = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var turn = ordered[i];
            var previous = Previous(ordered, i);
            var reason = previous is null ? null : BustReason(turn, previous);
            if (reason is not null)
            {
                bustCost += BustCost(turn, previous!, prices.Find(turn.Provider, turn.Model));
            }

            rows.Add(new CacheTurnDto(turn.InterceptionId, turn.StartedAt, turn.Model, turn.Input, turn.CacheRead, turn.CacheWrite, turn.HitRatio,
                turn.CostMicros, reason is null ? null : new CacheBustDto(reason)));
        }

        var (input, read, write) = (ordered.Sum(t => t.Input), ordered.Sum(t => t.CacheRead), ordered.Sum(t => t.CacheWrite));
        var total = input + read + write;
        var priced = ordered.Where(t => t.CostMicros is not null).ToList();
        return new SessionCacheDto(sessionId, total == 0 ? 0 : (double)read / total, read, write, input, rows.Count(r => r.Bust is not null), bustCost,
            priced.Count == 0 ? null : priced.Sum(t => t.CostMicros!.Value), rows);
    }

    /// <summary>The latest earlier turn of the same model in the same thread, else in the session.</summary>
    private static CacheTurn? Previous(List<CacheTurn> ordered, int index)
    {
        var turn = ordered[index];
        CacheTurn? inSession = null;
        for (var i = index - 1; i >= 0; i--)
        {
            var candidate = ordered[i];
            if (candidate.Model != turn.Model)
            {
                continue;
            }

            if (candidate.ThreadRootId == turn.ThreadRootId)
            {
                return candidate;
            }

            inSession ??= candidate;
        }

        return inSession;
    }

    private static string? BustReason(CacheTurn turn, CacheTurn previous)
    {
        var cached = previous.CacheRead + previous.CacheWrite;
        if (cached == 0 || turn.CacheRead * 2 >= cached || turn.PromptTokens < previous.PromptTokens)
        {
            return null;
        }

        var lifetime = previous.CacheWrite1h > 0 ? LongLifetime : ShortLifetime;
        return turn.StartedAt - previous.StartedAt > lifetime ? "ttl_expired"
            : turn.SystemHash != previous.SystemHash ? "system_changed"
            : turn.ToolsHash != previous.ToolsHash ? "tools_changed"
            : "prefix_changed";
    }

    /// <summary>
    /// The tokens the turn could have read from the cache but did not were written again or sent uncached:
    /// each costs its write or input price above the cache-read price. Unpriced parts count nothing.
    /// </summary>
    private static long BustCost(CacheTurn turn, CacheTurn previous, ModelPrice? price)
    {
        if (price?.CacheReadMicros is not { } read)
        {
            return 0;
        }

        var missed = Math.Max(0, previous.CacheRead + previous.CacheWrite - turn.CacheRead);
        var rewritten = Math.Min(missed, turn.CacheWrite);
        var uncached = Math.Min(missed - rewritten, turn.Input);
        var writePrice = turn.CacheWrite1h > 0 ? price.CacheWrite1hMicros : price.CacheWriteMicros;
        Int128 extra = 0;
        if (writePrice is { } write)
        {
            extra += (Int128)rewritten * Math.Max(0, write - read);
        }

        if (price.InputMicros is { } input)
        {
            extra += (Int128)uncached * Math.Max(0, input - read);
        }

        return TokenCost.Round(extra);
    }
}

namespace AIBridge.Domain.Pricing;

/// <summary>The token counts of one usage row, as they are priced.</summary>
/// <param name="Input">Input tokens, cached ones excluded.</param>
/// <param name="CacheWrite">Every cache write, 1-hour writes included.</param>
/// <param name="CacheWrite1h">The part of <paramref name="CacheWrite"/> kept for an hour.</param>
public readonly record struct TokenCounts(long Input, long Output, long CacheRead, long CacheWrite, long CacheWrite1h = 0);

public static class TokenCost
{
    /// <summary>
    /// Σ tokens × price ÷ 10⁶ in micro-USD, rounded half up; null when a count that is not zero has no
    /// price, so an unknown price is never guessed as free.
    /// </summary>
    public static long? Micros(ModelPrice? price, TokenCounts tokens)
    {
        if (price is null)
        {
            return null;
        }

        var fiveMinuteWrites = Math.Max(0, tokens.CacheWrite - tokens.CacheWrite1h);
        Int128 total = 0;
        foreach (var (count, perMillion) in (ReadOnlySpan<(long, long?)>)
                 [
                     (tokens.Input, price.InputMicros), (tokens.Output, price.OutputMicros), (tokens.CacheRead, price.CacheReadMicros),
                     (fiveMinuteWrites, price.CacheWriteMicros), (tokens.CacheWrite1h, price.CacheWrite1hMicros),
                 ])
        {
            if (count == 0)
            {
                continue;
            }

            if (perMillion is not { } micros)
            {
                return null;
            }

            total += (Int128)count * micros;
        }

        return Round(total);
    }

    /// <summary>Σ tokens × micro-USD per million, as whole micro-USD: rounded half up, and capped rather than wrapped.</summary>
    public static long Round(Int128 tokensTimesPerMillion)
    {
        var rounded = (tokensTimesPerMillion + 500_000) / 1_000_000;
        return rounded > long.MaxValue ? long.MaxValue : (long)rounded;
    }
}

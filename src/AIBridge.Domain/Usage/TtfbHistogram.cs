namespace AIBridge.Domain.Usage;

/// <summary>
/// A fixed, roughly logarithmic histogram of time to first byte: a count per bucket, each bucket holding
/// the values up to its bound, and a last bucket for everything slower. Percentiles read from it are the
/// upper bound of the bucket they fall in.
/// </summary>
public static class TtfbHistogram
{
    /// <summary>Upper bounds in milliseconds, inclusive.</summary>
    public static readonly int[] Bounds =
        [50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10000, 15000, 20000, 30000, 45000, 60000, 120000, 180000, 300000];

    /// <summary>The bounds' buckets and the one above the last bound.</summary>
    public static int Buckets => Bounds.Length + 1;

    public static int BucketOf(int milliseconds)
    {
        var index = Array.BinarySearch(Bounds, milliseconds);
        return index >= 0 ? index : ~index;
    }

    /// <summary>The column of bucket <paramref name="bucket"/>: <c>ttfb_le_50</c> … <c>ttfb_le_300000</c>, <c>ttfb_over_300000</c>.</summary>
    public static string Column(int bucket) => bucket < Bounds.Length ? $"ttfb_le_{Bounds[bucket]}" : $"ttfb_over_{Bounds[^1]}";

    /// <summary>
    /// The bound of the bucket holding the <paramref name="quantile"/> of the counted values, or null when
    /// there are none; values above the last bound read as the last bound.
    /// </summary>
    public static int? Percentile(ReadOnlySpan<long> counts, double quantile)
    {
        long total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        if (total == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return Bounds[Math.Min(i, Bounds.Length - 1)];
            }
        }

        return Bounds[^1];
    }
}

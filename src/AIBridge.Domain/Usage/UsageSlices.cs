using System.Numerics;

namespace AIBridge.Domain.Usage;

/// <summary>Which usage slices the recorder keeps beside the full roll-ups.</summary>
public static class UsageSlices
{
    /// <summary>Every combination of at most two dimensions, the most a report groups by.</summary>
    public static readonly IReadOnlyList<UsageDimensions> Kept = Enumerable.Range(0, 16)
        .Select(d => (UsageDimensions)d)
        .Where(IsKept)
        .ToArray();

    public static bool IsKept(UsageDimensions dimensions) => BitOperations.PopCount((uint)dimensions) <= 2;
}

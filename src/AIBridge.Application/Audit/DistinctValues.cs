namespace AIBridge.Application.Audit;

/// <summary>
/// Decision (read API §10–11): a literal prefix, ordinal order, then offset and limit. Done in memory:
/// the distinct values number in the tens, and this keeps <c>%</c>/<c>_</c> literal on every database.
/// </summary>
public static class DistinctValues
{
    public static IReadOnlyList<string> Page(IEnumerable<string> values, string? prefix, int offset, int limit) =>
        values
            .Where(v => prefix is null || v.StartsWith(prefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Skip(offset)
            .Take(limit)
            .ToList();
}

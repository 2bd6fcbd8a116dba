namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>
/// PostgreSQL text cannot hold U+0000 (the writers strip it), and it rejects such a parameter outright.
/// A look-up by a value containing it therefore matches nothing, on every provider alike.
/// </summary>
internal static class StoredText
{
    public static bool CanBeStored(string? value) => value is null || !value.Contains('\0', StringComparison.Ordinal);

    public static bool CanBeStored(IEnumerable<string> values) => values.All(v => CanBeStored(v));

    public static IQueryable<T> NoneUnless<T>(this IQueryable<T> query, bool condition) => condition ? query : query.Where(_ => false);
}

namespace AIBridge.Infrastructure.Recording;

/// <summary>The SQL the table writers share for <see cref="IRecordTableWriter.AddAsync"/>.</summary>
internal static class AddedRows
{
    /// <summary>The column list of an added row: its keys, then its sums.</summary>
    public static string Columns<T>(IReadOnlyList<RecordColumn<T>> keys, IReadOnlyList<RecordColumn<T>> sums) =>
        string.Join(", ", keys.Concat(sums).Select(c => c.Name));

    /// <summary>
    /// Each sum added to the stored value; for a nullable sum (a cost) a NULL on either side keeps the
    /// other, so it stays NULL only while nothing priced was added. The other sums are a plain addition,
    /// which is most of a roll-up's columns and much of what its upsert costs to prepare and run.
    /// </summary>
    public static string Additions<T>(IReadOnlyList<RecordColumn<T>> sums, string stored, string added) =>
        string.Join(", ", sums.Select(c => c.Nullable
            ? $"{c.Name} = COALESCE({stored}.{c.Name} + {added}.{c.Name}, {stored}.{c.Name}, {added}.{c.Name})"
            : $"{c.Name} = {stored}.{c.Name} + {added}.{c.Name}"));

    /// <summary>PostgreSQL's and SQLite's upsert of one or more added rows.</summary>
    public static string OnConflict<T>(string table, IReadOnlyList<RecordColumn<T>> keys, IReadOnlyList<RecordColumn<T>> sums) =>
        $"ON CONFLICT ({string.Join(", ", keys.Select(c => c.Name))}) DO UPDATE SET {Additions(sums, table, "excluded")}";
}

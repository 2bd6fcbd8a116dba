namespace AIBridge.Infrastructure.Recording;

/// <summary>How a column is stored: each table writer maps these to its database's own forms.</summary>
internal enum ColumnKind
{
    Uuid,
    Text,
    Varchar,
    Jsonb,
    Int,
    Bigint,
    Bool,
    Time,
}

/// <param name="Nullable">Whether the column takes NULL; a sum that cannot be NULL is added without guarding against it.</param>
internal sealed record RecordColumn<T>(string Name, ColumnKind Kind, Func<T, object?> Value, bool Nullable = false);

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>
/// DISTINCT over a million interceptions reads every index entry; there are only a handful of models
/// and clients. These recursive queries jump from one value to the next through the partial indexes on
/// <c>model</c> and <c>client</c> (completed rows only), one seek per distinct value. PostgreSQL and
/// SQLite run them; SQL Server keeps the plain DISTINCT. Text comparison is the column's ordinal one.
/// </summary>
internal static class LooseIndexScans
{
    public const string Models = """
        WITH RECURSIVE m(value) AS (
            SELECT MIN(model) FROM aibridge_interceptions WHERE ended_at IS NOT NULL
            UNION ALL
            SELECT (SELECT MIN(i.model) FROM aibridge_interceptions AS i WHERE i.ended_at IS NOT NULL AND i.model > m.value)
            FROM m WHERE m.value IS NOT NULL
        )
        SELECT value AS "Value" FROM m WHERE value IS NOT NULL
        """;

    public const string Clients = """
        WITH RECURSIVE c(value) AS (
            SELECT MIN(client) FROM aibridge_interceptions WHERE ended_at IS NOT NULL AND client IS NOT NULL
            UNION ALL
            SELECT (SELECT MIN(i.client) FROM aibridge_interceptions AS i WHERE i.ended_at IS NOT NULL AND i.client > c.value)
            FROM c WHERE c.value IS NOT NULL
        )
        SELECT value AS "Value" FROM c WHERE value IS NOT NULL
        UNION ALL
        SELECT 'Unknown' WHERE EXISTS (SELECT 1 FROM aibridge_interceptions WHERE ended_at IS NOT NULL AND client IS NULL)
        """;
}

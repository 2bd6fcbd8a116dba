using System.Data.Common;
using AIBridge.Application.Gateway.Recording;
using Microsoft.Data.Sqlite;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The writer's inserts on SQLite as one prepared statement per table, kept with the connection's handle
/// and reused for every row of every batch, instead of EF Core's per-row change tracking.
/// </summary>
internal sealed class SqliteBulkInsert(SqliteConnection connection) : IRecordTableWriter
{
    public static IRecordTableWriterFactory Factory { get; } = new SqliteFactory();

    public bool DefersForeignKeys => true;

    /// <summary>Defers every foreign key of the transaction (the pragma ends with it).</summary>
    public Task BeginBatchAsync(CancellationToken cancellationToken)
    {
        using var statement = new SqliteStatement(connection, "PRAGMA defer_foreign_keys = ON");
        statement.Step();
        return Task.CompletedTask;
    }

    public Task WriteAsync<T>(string table, IReadOnlyList<RecordColumn<T>> columns, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var statement = SqliteStatement.Reused(connection, table,
            () => $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1)))})");
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                statement.Bind(i + 1, columns[i].Value(row));
            }

            statement.Step();
        }

        return Task.CompletedTask;
    }

    private const string EndStatement = "UPDATE aibridge_interceptions SET ended_at = ?2, credential_hint = COALESCE(?3, credential_hint), "
        + "status_code = ?4, error_type = ?5, error_message = ?6, ttfb_ms = ?7, duration_ms = ?8, metadata = COALESCE(?9, metadata) "
        + "WHERE id = ?1 AND ended_at IS NULL";

    public Task EndAsync(IReadOnlyList<InterceptionEnded> ends, CancellationToken cancellationToken)
    {
        var statement = SqliteStatement.Reused(connection, EndStatement, () => EndStatement);
        foreach (var end in ends)
        {
            statement.Bind(1, end.InterceptionId);
            statement.Bind(2, end.EndedAt);
            statement.Bind(3, end.CredentialHint);
            statement.Bind(4, end.Outcome?.StatusCode);
            statement.Bind(5, end.Outcome?.ErrorType);
            statement.Bind(6, end.Outcome?.ErrorMessage);
            statement.Bind(7, end.Latency?.TtfbMs);
            statement.Bind(8, end.Latency?.DurationMs);
            statement.Bind(9, end.Metadata);
            statement.Step();
        }

        return Task.CompletedTask;
    }

    public Task AddAsync<T>(string table, IReadOnlyList<RecordColumn<T>> keys, IReadOnlyList<RecordColumn<T>> sums, IReadOnlyList<T> rows,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var columns = keys.Concat(sums).ToArray();
        var statement = SqliteStatement.Reused(connection, table,
            () => $"INSERT INTO {table} ({AddedRows.Columns(keys, sums)}) VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1)))}) "
                + AddedRows.OnConflict(table, keys, sums));
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                statement.Bind(i + 1, columns[i].Value(row));
            }

            statement.Step();
        }

        return Task.CompletedTask;
    }

    /// <summary>Every statement ran as it came.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class SqliteFactory : IRecordTableWriterFactory
    {
        /// <summary>
        /// Before the transaction, since SQLite refuses <c>synchronous</c> inside one; on every batch, because
        /// setting them once per pooled connection measured slower (ADR 0013):
        /// <list type="bullet">
        /// <item>statement journals and temporary b-trees (each roll-up upsert opens one) in memory, and a
        /// 32 MiB page cache;</item>
        /// <item><c>synchronous = NORMAL</c>, the usual setting in WAL mode: a power cut may lose the last
        /// commits, as it loses whatever is still queued in memory; an application crash loses nothing
        /// committed;</item>
        /// <item>a checkpoint every 10,000 log pages rather than 1,000, so the index pages each batch appends
        /// to are copied into the database fewer times, the log cut back to 64 MiB after.</item>
        /// </list>
        /// </summary>
        public void PrepareConnection(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768; PRAGMA synchronous = NORMAL; "
                + "PRAGMA wal_autocheckpoint = 10000; PRAGMA journal_size_limit = 67108864";
            command.ExecuteNonQuery();
        }

        public IRecordTableWriter Create(DbConnection connection, DbTransaction transaction) => new SqliteBulkInsert((SqliteConnection)connection);
    }
}

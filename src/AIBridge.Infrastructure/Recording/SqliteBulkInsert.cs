using System.Globalization;
using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Common;
using Microsoft.Data.Sqlite;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The writer's inserts on SQLite as one prepared statement per table, reused for every row of the
/// batch's transaction, instead of EF Core's per-row change tracking. Values are written in EF Core's
/// SQLite forms, so EF reads them back unchanged: GUIDs as upper-case text, timestamps as
/// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> (UTC, microseconds), booleans as 0/1.
/// </summary>
internal sealed class SqliteBulkInsert(SqliteConnection connection, SqliteTransaction? transaction) : IRecordTableWriter
{
    /// <summary>
    /// Sets up the writer's connection, before its transaction (SQLite refuses <c>synchronous</c> inside
    /// one). G2 in docs/benchmarks.md measured each:
    /// <list type="bullet">
    /// <item>Statement journals and temporary b-trees (each roll-up upsert opens one) in memory rather
    /// than in temporary files, and a 32 MiB page cache instead of 2 MiB: +22 % and +19 % in the two
    /// shapes measured together (1,287 → 1,577/s and 1,808 → 2,157/s).</item>
    /// <item><c>synchronous = NORMAL</c>, the usual setting in WAL mode: commits append to the log
    /// without waiting for the disk; only checkpoints flush. A power cut may lose the last commits, as it
    /// loses whatever is still queued in memory; an application crash loses nothing committed.</item>
    /// <item>A checkpoint every 10,000 log pages (40 MiB) rather than 1,000: the index pages that each
    /// batch appends to are copied into the database once per checkpoint instead of several times, and
    /// the log is cut back to 64 MiB after. With the previous item, +20 % (4,593–4,809 → 5,652–5,836/s).</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// On every batch, although the settings persist on a pooled connection: configuring each
    /// connection once measured 3,833–3,956/s against 5,547–5,595/s. Setting <c>temp_store</c> again
    /// drops the connection's temporary database and alone gave 4,557/s; why all of them together do
    /// better still is not understood yet.
    /// </remarks>
    public static void Configure(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768; PRAGMA synchronous = NORMAL; "
            + "PRAGMA wal_autocheckpoint = 10000; PRAGMA journal_size_limit = 67108864";
        command.ExecuteNonQuery();
    }

    /// <summary>Defers every foreign key of the transaction (the pragma ends with it).</summary>
    public Task BeginBatchAsync(CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA defer_foreign_keys = ON";
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    public Task WriteAsync<T>(string table, IReadOnlyList<RecordColumn<T>> columns, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = Stored(columns[i].Value(row));
            }

            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    public Task EndAsync(IReadOnlyList<InterceptionEnded> ends, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE aibridge_interceptions SET ended_at = $ended, credential_hint = COALESCE($hint, credential_hint) WHERE id = $id AND ended_at IS NULL";
        var id = command.Parameters.Add(new SqliteParameter("$id", null));
        var ended = command.Parameters.Add(new SqliteParameter("$ended", null));
        var hint = command.Parameters.Add(new SqliteParameter("$hint", null));
        command.Prepare();
        foreach (var end in ends)
        {
            id.Value = Stored(end.InterceptionId);
            ended.Value = Stored(end.EndedAt);
            hint.Value = Stored(end.CredentialHint);
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }

    /// <summary>Every statement ran as it came.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static object Stored(object? value) => value switch
    {
        null => DBNull.Value,
        Guid id => id.ToString("D").ToUpperInvariant(),
        DateTime time => Timestamp.Normalize(time).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        bool flag => flag ? 1L : 0L,
        _ => value,
    };
}

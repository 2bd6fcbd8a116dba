using System.Buffers;
using System.Globalization;
using System.Text;
using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

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

        using var statement = Prepare($"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1)))})");
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                Bind(statement, i + 1, columns[i].Value(row));
            }

            Step(statement);
        }

        return Task.CompletedTask;
    }

    public Task EndAsync(IReadOnlyList<InterceptionEnded> ends, CancellationToken cancellationToken)
    {
        using var statement = Prepare("UPDATE aibridge_interceptions SET ended_at = ?2, credential_hint = COALESCE(?3, credential_hint), "
            + "status_code = ?4, error_type = ?5, error_message = ?6 WHERE id = ?1 AND ended_at IS NULL");
        foreach (var end in ends)
        {
            Bind(statement, 1, end.InterceptionId);
            Bind(statement, 2, end.EndedAt);
            Bind(statement, 3, end.CredentialHint);
            Bind(statement, 4, end.Outcome?.StatusCode);
            Bind(statement, 5, end.Outcome?.ErrorType);
            Bind(statement, 6, end.Outcome?.ErrorMessage);
            Step(statement);
        }

        return Task.CompletedTask;
    }

    /// <summary>Every statement ran as it came.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A statement of the connection's own handle: it runs in the connection's transaction, like a
    /// command would, and its values are bound from stack buffers (the ADO.NET binder allocated a binder
    /// and a byte array per value, about a quarter of the gateway's allocations under load).
    /// </summary>
    private sqlite3_stmt Prepare(string sql)
    {
        var db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        return statement;
    }

    private void Step(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc, connection.Handle!);
        }
    }

    private static void Check(int rc, sqlite3 db) => SqliteException.ThrowExceptionForRC(rc, db);

    private static void Bind(sqlite3_stmt statement, int index, object? value)
    {
        switch (value)
        {
            case null:
                raw.sqlite3_bind_null(statement, index);
                break;
            case Guid id:
                Span<byte> guid = stackalloc byte[36];
                id.TryFormat(guid, out _, "D");
                Ascii.ToUpperInPlace(guid, out _);
                raw.sqlite3_bind_text(statement, index, guid);
                break;
            case DateTime time:
                Span<byte> stamp = stackalloc byte[32];
                Timestamp.Normalize(time).TryFormat(stamp, out var length, "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                raw.sqlite3_bind_text(statement, index, stamp[..length]);
                break;
            case bool flag:
                raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0);
                break;
            case long number:
                raw.sqlite3_bind_int64(statement, index, number);
                break;
            case int number:
                raw.sqlite3_bind_int64(statement, index, number);
                break;
            case string text:
                BindText(statement, index, text);
                break;
            default:
                throw new NotSupportedException($"No SQLite form for {value.GetType()}");
        }
    }

    private static void BindText(sqlite3_stmt statement, int index, string text)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var buffer = most <= 1024 ? stackalloc byte[most] : (rented = ArrayPool<byte>.Shared.Rent(most));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);

            // SQLite copies the value (SQLITE_TRANSIENT), so the buffer may go back at once.
            raw.sqlite3_bind_text(statement, index, buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}

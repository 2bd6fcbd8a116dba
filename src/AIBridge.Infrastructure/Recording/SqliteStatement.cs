using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using AIBridge.Domain.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// A prepared statement of the connection's own handle: it runs in the connection's transaction, like a
/// command would, and its values are bound from stack buffers rather than through the ADO.NET binder,
/// which allocated a binder and a byte array per value (ADR 0013). Values take EF Core's SQLite forms, so
/// EF reads them back unchanged: GUIDs as upper-case text, timestamps as <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>
/// (UTC, microseconds), booleans as 0/1.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    private static readonly ConditionalWeakTable<sqlite3, Dictionary<string, SqliteStatement>> Prepared = new();

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>
    /// The statement prepared on this connection's handle by an earlier batch, or a new one kept for the
    /// next: the pool hands the writer the same handles batch after batch, and a small batch would
    /// otherwise spend much of its time preparing the roll-ups' wide upserts. Not to be disposed; it goes
    /// with its handle.
    /// </summary>
    /// <param name="key">Names the statement (the recorder writes each table with one), so that its SQL is built only to prepare it.</param>
    public static SqliteStatement Reused(SqliteConnection connection, string key, Func<string> sql)
    {
        var statements = Prepared.GetValue(connection.Handle!, _ => new Dictionary<string, SqliteStatement>(StringComparer.Ordinal));
        if (!statements.TryGetValue(key, out var statement))
        {
            statement = new SqliteStatement(connection, sql());
            statements[key] = statement;
        }

        return statement;
    }

    /// <summary>Runs the statement with the values bound so far, then makes it ready for the next row.</summary>
    public void Step()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
    }

    public void Dispose() => _statement.Dispose();

    public void Bind(int index, object? value)
    {
        switch (value)
        {
            case null:
                raw.sqlite3_bind_null(_statement, index);
                break;
            case Guid id:
                Span<byte> guid = stackalloc byte[36];
                id.TryFormat(guid, out _, "D");
                Ascii.ToUpperInPlace(guid, out _);
                raw.sqlite3_bind_text(_statement, index, guid);
                break;
            case DateTime time:
                Span<byte> stamp = stackalloc byte[32];
                Timestamp.Normalize(time).TryFormat(stamp, out var length, "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                raw.sqlite3_bind_text(_statement, index, stamp[..length]);
                break;
            case bool flag:
                raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0);
                break;
            case long number:
                raw.sqlite3_bind_int64(_statement, index, number);
                break;
            case int number:
                raw.sqlite3_bind_int64(_statement, index, number);
                break;
            case string text:
                BindText(index, text);
                break;
            default:
                throw new NotSupportedException($"No SQLite form for {value.GetType()}");
        }
    }

    private void BindText(int index, string text)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var buffer = most <= 1024 ? stackalloc byte[most] : (rented = ArrayPool<byte>.Shared.Rent(most));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);

            // SQLite copies the value (SQLITE_TRANSIENT), so the buffer may go back at once.
            raw.sqlite3_bind_text(_statement, index, buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);
}

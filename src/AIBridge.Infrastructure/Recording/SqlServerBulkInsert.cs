using System.Data;
using System.Data.Common;
using System.Text.Json;
using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Common;
using Microsoft.Data.SqlClient;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The writer's batch on SQL Server: each table's rows through <see cref="SqlBulkCopy"/> in the batch's
/// transaction, and the ends as one <c>UPDATE</c> joined to the batch's ends, passed as one JSON
/// parameter and read with <c>OPENJSON</c>.
/// </summary>
/// <remarks>
/// SQL Server cannot defer a foreign key to the commit, so prompts follow their interceptions. The bulk
/// copy checks constraints: without that, SQL Server marks each foreign key as untrusted after the
/// first copy, and the optimiser stops relying on it.
/// </remarks>
internal sealed class SqlServerBulkInsert(SqlConnection connection, SqlTransaction transaction) : IRecordTableWriter
{
    private const string EndStatement =
        """
        UPDATE i
        SET ended_at = e.ended_at, credential_hint = COALESCE(e.credential_hint, i.credential_hint),
            status_code = e.status_code, error_type = e.error_type, error_message = e.error_message, ttfb_ms = e.ttfb_ms, duration_ms = e.duration_ms,
            metadata = COALESCE(e.metadata, i.metadata)
        FROM aibridge_interceptions AS i
        JOIN OPENJSON(@ends) WITH (id uniqueidentifier, ended_at datetime2, credential_hint nvarchar(15),
            status_code int, error_type nvarchar(32), error_message nvarchar(1024), ttfb_ms int, duration_ms int, metadata nvarchar(max)) AS e ON i.id = e.id
        WHERE i.ended_at IS NULL
        """;

    public static IRecordTableWriterFactory Factory { get; } = new SqlServerFactory();

    public bool DefersForeignKeys => false;

    public Task BeginBatchAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task WriteAsync<T>(string table, IReadOnlyList<RecordColumn<T>> columns, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.FireTriggers, transaction)
        {
            DestinationTableName = table,
            BatchSize = rows.Count,
        };
        using var data = Table(columns, rows);
        foreach (DataColumn column in data.Columns)
        {
            copy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        }

        await copy.WriteToServerAsync(data, cancellationToken);
    }

    public async Task EndAsync(IReadOnlyList<InterceptionEnded> ends, CancellationToken cancellationToken)
    {
        await using var command = new SqlCommand(EndStatement, connection, transaction);
        command.Parameters.Add(new SqlParameter("@ends", SqlDbType.NVarChar, -1) { Value = EndsAsJson(ends) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One <c>MERGE</c> of the rows, passed as one JSON parameter; <c>HOLDLOCK</c> keeps two writers from inserting one key twice.</summary>
    public async Task AddAsync<T>(string table, IReadOnlyList<RecordColumn<T>> keys, IReadOnlyList<RecordColumn<T>> sums, IReadOnlyList<T> rows,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = new SqlCommand(MergeStatement(table, keys, sums), connection, transaction);
        command.Parameters.Add(new SqlParameter("@rows", SqlDbType.NVarChar, -1) { Value = RowsAsJson([.. keys, .. sums], rows) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static string MergeStatement<T>(string table, IReadOnlyList<RecordColumn<T>> keys, IReadOnlyList<RecordColumn<T>> sums)
    {
        var columns = AddedRows.Columns(keys, sums);
        return $"""
            MERGE {table} WITH (HOLDLOCK) AS t
            USING OPENJSON(@rows) WITH ({string.Join(", ", keys.Concat(sums).Select(c => $"{c.Name} {JsonType(c.Kind)}"))}) AS s
            ON {string.Join(" AND ", keys.Select(c => $"t.{c.Name} = s.{c.Name}"))}
            WHEN MATCHED THEN UPDATE SET {AddedRows.Additions(sums, "t", "s")}
            WHEN NOT MATCHED THEN INSERT ({columns}) VALUES ({string.Join(", ", keys.Concat(sums).Select(c => "s." + c.Name))});
            """;
    }

    private static string RowsAsJson<T>(IReadOnlyList<RecordColumn<T>> columns, IReadOnlyList<T> rows) =>
        JsonSerializer.Serialize(rows.Select(row => columns.ToDictionary(c => c.Name, c => c.Value(row))));

    /// <summary>The widths are those of the key columns on SQL Server (see its context).</summary>
    private static string JsonType(ColumnKind kind) => kind switch
    {
        ColumnKind.Uuid => "uniqueidentifier",
        ColumnKind.Text or ColumnKind.Varchar => "nvarchar(256)",
        ColumnKind.Int => "int",
        ColumnKind.Bigint => "bigint",
        _ => throw new InvalidOperationException($"No JSON column type for {kind}."),
    };

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal static DataTable Table<T>(IReadOnlyList<RecordColumn<T>> columns, IReadOnlyList<T> rows)
    {
        var table = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            table.Columns.Add(column.Name, ClrType(column.Kind));
        }

        var values = new object[columns.Count];
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                values[i] = columns[i].Value(row) switch
                {
                    null => DBNull.Value,
                    DateTime time => Timestamp.Normalize(time),
                    var value => value,
                };
            }

            table.Rows.Add(values);
        }

        return table;
    }

    internal static string EndsAsJson(IReadOnlyList<InterceptionEnded> ends) => JsonSerializer.Serialize(ends.Select(e => new Dictionary<string, object?>
    {
        ["id"] = e.InterceptionId,
        ["ended_at"] = Timestamp.Normalize(e.EndedAt).ToString("yyyy-MM-ddTHH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
        ["credential_hint"] = e.CredentialHint,
        ["status_code"] = e.Outcome?.StatusCode,
        ["error_type"] = e.Outcome?.ErrorType,
        ["error_message"] = e.Outcome?.ErrorMessage,
        ["ttfb_ms"] = e.Latency?.TtfbMs,
        ["duration_ms"] = e.Latency?.DurationMs,
        ["metadata"] = e.Metadata,
    }));

    private static Type ClrType(ColumnKind kind) => kind switch
    {
        ColumnKind.Uuid => typeof(Guid),
        ColumnKind.Text or ColumnKind.Varchar or ColumnKind.Jsonb => typeof(string),
        ColumnKind.Int => typeof(int),
        ColumnKind.Bigint => typeof(long),
        ColumnKind.Bool => typeof(bool),
        ColumnKind.Time => typeof(DateTime),
        _ => throw new InvalidOperationException($"No SQL Server type for {kind}."),
    };

    private sealed class SqlServerFactory : IRecordTableWriterFactory
    {
        public void PrepareConnection(DbConnection connection)
        {
        }

        public IRecordTableWriter Create(DbConnection connection, DbTransaction transaction) =>
            new SqlServerBulkInsert((SqlConnection)connection, (SqlTransaction)transaction);
    }
}

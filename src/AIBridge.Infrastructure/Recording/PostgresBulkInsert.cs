using System.Data.Common;
using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Common;
using Npgsql;
using NpgsqlTypes;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The writer's batch on PostgreSQL as one round trip: each table's rows go in as one
/// <c>INSERT … SELECT FROM unnest(…)</c> of binary column arrays, and the ends as one <c>UPDATE</c>,
/// sent together in an <see cref="NpgsqlBatch"/>: binary <c>COPY</c> took more server time for the same
/// rows and needs a round trip of its own per table (ADR 0013).
/// </summary>
internal sealed class PostgresBulkInsert(NpgsqlConnection connection) : IRecordTableWriter
{
    public static IRecordTableWriterFactory Factory { get; } = new PostgresFactory();

    /// <summary>Made <c>DEFERRABLE</c> by the <c>SessionRollups</c> migration.</summary>
    private const string PromptForeignKey = "FK_aibridge_user_prompts_aibridge_interceptions_interception_id";

    private readonly NpgsqlBatch _batch = new(connection);

    public bool DefersForeignKeys => true;

    public Task BeginBatchAsync(CancellationToken cancellationToken)
    {
        _batch.BatchCommands.Add(new NpgsqlBatchCommand($"SET CONSTRAINTS \"{PromptForeignKey}\" DEFERRED"));
        return Task.CompletedTask;
    }

    public Task WriteAsync<T>(string table, IReadOnlyList<RecordColumn<T>> columns, IReadOnlyList<T> rows, CancellationToken cancellationToken)
    {
        if (rows.Count > 0)
        {
            var command = new NpgsqlBatchCommand(
                $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) SELECT * FROM unnest({string.Join(", ", columns.Select((_, i) => "$" + (i + 1)))})");
            foreach (var column in columns)
            {
                command.Parameters.Add(Values(column, rows));
            }

            _batch.BatchCommands.Add(command);
        }

        return Task.CompletedTask;
    }

    public Task AddAsync<T>(string table, IReadOnlyList<RecordColumn<T>> keys, IReadOnlyList<RecordColumn<T>> sums, IReadOnlyList<T> rows,
        CancellationToken cancellationToken)
    {
        if (rows.Count > 0)
        {
            var columns = keys.Concat(sums).ToArray();
            var command = new NpgsqlBatchCommand(
                $"INSERT INTO {table} ({AddedRows.Columns(keys, sums)}) SELECT * FROM unnest({string.Join(", ", columns.Select((_, i) => "$" + (i + 1)))}) "
                + AddedRows.OnConflict(table, keys, sums));
            foreach (var column in columns)
            {
                command.Parameters.Add(Values(column, rows));
            }

            _batch.BatchCommands.Add(command);
        }

        return Task.CompletedTask;
    }

    /// <summary>One statement for the batch's ends: its roll-up trigger runs once, over all of them.</summary>
    public Task EndAsync(IReadOnlyList<InterceptionEnded> ends, CancellationToken cancellationToken)
    {
        var command = new NpgsqlBatchCommand(
            """
            UPDATE aibridge_interceptions AS i
            SET ended_at = e.ended_at, credential_hint = COALESCE(e.credential_hint, i.credential_hint),
                status_code = e.status_code, error_type = e.error_type, error_message = e.error_message, ttfb_ms = e.ttfb_ms, duration_ms = e.duration_ms,
                metadata = COALESCE(e.metadata, i.metadata)
            FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9)
                AS e (id, ended_at, credential_hint, status_code, error_type, error_message, ttfb_ms, duration_ms, metadata)
            WHERE i.id = e.id AND i.ended_at IS NULL
            """);
        command.Parameters.Add(Array(ends.Select(e => e.InterceptionId).ToArray(), NpgsqlDbType.Uuid));
        command.Parameters.Add(Array(ends.Select(e => Timestamp.Normalize(e.EndedAt)).ToArray(), NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Array(ends.Select(e => e.CredentialHint).ToArray(), NpgsqlDbType.Varchar));
        command.Parameters.Add(Array(ends.Select(e => e.Outcome?.StatusCode).ToArray(), NpgsqlDbType.Integer));
        command.Parameters.Add(Array(ends.Select(e => e.Outcome?.ErrorType).ToArray(), NpgsqlDbType.Varchar));
        command.Parameters.Add(Array(ends.Select(e => e.Outcome?.ErrorMessage).ToArray(), NpgsqlDbType.Varchar));
        command.Parameters.Add(Array(ends.Select(e => e.Latency?.TtfbMs).ToArray(), NpgsqlDbType.Integer));
        command.Parameters.Add(Array(ends.Select(e => e.Latency?.DurationMs).ToArray(), NpgsqlDbType.Integer));
        command.Parameters.Add(Array(ends.Select(e => e.Metadata).ToArray(), NpgsqlDbType.Jsonb));
        _batch.BatchCommands.Add(command);
        return Task.CompletedTask;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch.BatchCommands.Count > 0)
        {
            await _batch.ExecuteNonQueryAsync(cancellationToken);
            _batch.BatchCommands.Clear();
        }
    }

    public ValueTask DisposeAsync() => _batch.DisposeAsync();

    private static NpgsqlParameter Values<T>(RecordColumn<T> column, IReadOnlyList<T> rows) => column.Kind switch
    {
        ColumnKind.Uuid => Array(Column(rows, r => (Guid?)column.Value(r)), NpgsqlDbType.Uuid),
        ColumnKind.Text => Array(Column(rows, r => (string?)column.Value(r)), NpgsqlDbType.Text),
        ColumnKind.Varchar => Array(Column(rows, r => (string?)column.Value(r)), NpgsqlDbType.Varchar),
        ColumnKind.Jsonb => Array(Column(rows, r => (string?)column.Value(r)), NpgsqlDbType.Jsonb),
        ColumnKind.Int => Array(Column(rows, r => (int?)column.Value(r)), NpgsqlDbType.Integer),
        ColumnKind.Bigint => Array(Column(rows, r => (long?)column.Value(r)), NpgsqlDbType.Bigint),
        ColumnKind.Bool => Array(Column(rows, r => (bool?)column.Value(r)), NpgsqlDbType.Boolean),
        ColumnKind.Time => Array(Column(rows, r => column.Value(r) is DateTime time ? Timestamp.Normalize(time) : (DateTime?)null), NpgsqlDbType.TimestampTz),
        _ => throw new InvalidOperationException($"No array mapping for {column.Kind}."),
    };

    private static TValue[] Column<T, TValue>(IReadOnlyList<T> rows, Func<T, TValue> value)
    {
        var values = new TValue[rows.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = value(rows[i]);
        }

        return values;
    }

    private static NpgsqlParameter Array<TValue>(TValue[] values, NpgsqlDbType type) =>
        new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | type };

    private sealed class PostgresFactory : IRecordTableWriterFactory
    {
        public void PrepareConnection(DbConnection connection)
        {
        }

        public IRecordTableWriter Create(DbConnection connection, DbTransaction transaction) => new PostgresBulkInsert((NpgsqlConnection)connection);
    }
}

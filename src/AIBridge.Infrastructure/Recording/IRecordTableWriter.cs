using System.Data.Common;
using AIBridge.Application.Gateway.Recording;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The recorder's only way into its tables: one implementation per database, chosen once at start-up
/// (<see cref="RecorderDatabase"/>), each with its database's bulk path.
/// </summary>
internal interface IRecordTableWriter : IAsyncDisposable
{
    /// <summary>
    /// Whether a prompt may be inserted before its interception, its foreign key checked at commit:
    /// then <see cref="RecordTables.WriteAsync"/> writes prompts first (see there).
    /// </summary>
    bool DefersForeignKeys { get; }

    /// <summary>Sets up the batch's transaction.</summary>
    Task BeginBatchAsync(CancellationToken cancellationToken);

    Task WriteAsync<T>(string table, IReadOnlyList<RecordColumn<T>> columns, IReadOnlyList<T> rows, CancellationToken cancellationToken);

    /// <summary>
    /// Ends interceptions started in earlier batches, in one statement where the database can, so that
    /// roll-up triggers run once per batch; only while <c>ended_at</c> is NULL, so the first end wins.
    /// </summary>
    Task EndAsync(IReadOnlyList<InterceptionEnded> ends, CancellationToken cancellationToken);

    /// <summary>
    /// Adds each row's <paramref name="sums"/> to the stored row with the same <paramref name="keys"/>,
    /// inserting the rows that are not there yet. A NULL sum leaves the stored value as it is.
    /// </summary>
    Task AddAsync<T>(string table, IReadOnlyList<RecordColumn<T>> keys, IReadOnlyList<RecordColumn<T>> sums, IReadOnlyList<T> rows,
        CancellationToken cancellationToken);

    /// <summary>Sends whatever the writer held back.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}

/// <summary>Makes the table writer of each batch, for one database.</summary>
internal interface IRecordTableWriterFactory
{
    /// <summary>Sets up a writer connection once it is open, before its batch's transaction begins.</summary>
    void PrepareConnection(DbConnection connection);

    IRecordTableWriter Create(DbConnection connection, DbTransaction transaction);
}

using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The writers' database: their contexts and the table writer of the configured provider, chosen here
/// once. On SQLite their connections come from a pool of their own, because the writer's connection
/// settings (<see cref="IRecordTableWriterFactory.PrepareConnection"/>) must not reach the API's
/// connections; they also wait longer for the write lock than a request would, since a batch that gives
/// up only retries.
/// </summary>
public sealed class RecorderDatabase(DatabaseProvider provider, string connectionString)
{
    private readonly Func<AIBridgeDbContext> _create = DatabaseOptions.Factory(provider, provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 120 }.ToString()
        : connectionString);

    public AIBridgeDbContext CreateContext() => _create();

    /// <summary>The database engine runs in this process (SQLite): its work takes this process's cores.</summary>
    public bool InProcess { get; } = provider == DatabaseProvider.Sqlite;

    internal IRecordTableWriterFactory Tables { get; } = provider switch
    {
        DatabaseProvider.Sqlite => SqliteBulkInsert.Factory,
        DatabaseProvider.Postgres => PostgresBulkInsert.Factory,
        DatabaseProvider.SqlServer => SqlServerBulkInsert.Factory,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}

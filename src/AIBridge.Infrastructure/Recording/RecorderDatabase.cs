using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The writers' contexts. On SQLite their connections come from a pool of their own, because
/// <see cref="SqliteBulkInsert.Configure"/> changes per-connection settings that the API's connections
/// must not inherit; they also wait longer for the write lock than a request would, since a batch that
/// gives up only retries.
/// </summary>
public sealed class RecorderDatabase(DatabaseProvider provider, string connectionString)
{
    private readonly Func<AIBridgeDbContext> _create = DatabaseOptions.Factory(provider, provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 120 }.ToString()
        : connectionString);

    public AIBridgeDbContext CreateContext() => _create();

    /// <summary>The database engine runs in this process (SQLite): its work takes this process's cores.</summary>
    public bool InProcess { get; } = provider == DatabaseProvider.Sqlite;
}

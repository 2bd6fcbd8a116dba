using System.Data.Common;
using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The writers' database: their contexts and the table writer of the configured provider, chosen here
/// once. On SQLite their connections come from a pool of their own, because the writer's connection
/// settings (<see cref="IRecordTableWriterFactory.PrepareConnection"/>) must not reach the API's
/// connections; they also wait longer for the write lock than a request would, since a batch that gives
/// up only retries. On PostgreSQL they prepare the statements they send again and again (each table's
/// insert or upsert has one text whatever the batch's size), so the server plans a roll-up's wide
/// upsert once per connection rather than in every batch.
/// </summary>
public sealed class RecorderDatabase(DatabaseProvider provider, string connectionString)
{
    private readonly Func<AIBridgeDbContext> _create = DatabaseOptions.Factory(provider, provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 120 }.ToString(),
        DatabaseProvider.Postgres => AutoPrepared(connectionString),
        _ => connectionString,
    });

    public AIBridgeDbContext CreateContext() => _create();

    /// <summary>The database engine runs in this process (SQLite): its work takes this process's cores.</summary>
    public bool InProcess { get; } = provider == DatabaseProvider.Sqlite;

    /// <summary>
    /// The operator's own <c>Max Auto Prepare</c> wins, 0 included (a pooler in transaction mode that
    /// cannot hold prepared statements); without one, room for every statement the writer repeats.
    /// </summary>
    internal static string AutoPrepared(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 32 }.ToString();
    }

    internal IRecordTableWriterFactory Tables { get; } = provider switch
    {
        DatabaseProvider.Sqlite => SqliteBulkInsert.Factory,
        DatabaseProvider.Postgres => PostgresBulkInsert.Factory,
        DatabaseProvider.SqlServer => SqlServerBulkInsert.Factory,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };
}

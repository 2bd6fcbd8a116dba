using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AIBridge.Infrastructure.Persistence.Providers;

/// <summary>Builds the options of each provider's context: the one place a provider is chosen.</summary>
public static class DatabaseOptions
{
    public const string DefaultConnectionString = "Data Source=aibridge.db";

    public static Type ContextType(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => typeof(SqliteAIBridgeDbContext),
        DatabaseProvider.Postgres => typeof(PostgresAIBridgeDbContext),
        DatabaseProvider.SqlServer => typeof(SqlServerAIBridgeDbContext),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        var migrations = typeof(DatabaseOptions).Assembly.GetName().Name;
        _ = provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    /// <summary>A context of its own, outside any pool: for tools, tests and one-off work.</summary>
    public static AIBridgeDbContext CreateContext(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteAIBridgeDbContext(Build<SqliteAIBridgeDbContext>(provider, connectionString)),
        DatabaseProvider.Postgres => new PostgresAIBridgeDbContext(Build<PostgresAIBridgeDbContext>(provider, connectionString)),
        DatabaseProvider.SqlServer => new SqlServerAIBridgeDbContext(Build<SqlServerAIBridgeDbContext>(provider, connectionString)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>
    /// Contexts from EF Core's pool, for the application's own use: the API, the gateway's token look-ups
    /// and the recorder make contexts on their hot paths, and a pooled one is reset rather than built
    /// again. A context goes back to the pool when disposed.
    /// </summary>
    public static Func<AIBridgeDbContext> Factory(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new PooledDbContextFactory<SqliteAIBridgeDbContext>(Build<SqliteAIBridgeDbContext>(provider, connectionString)).CreateDbContext,
        DatabaseProvider.Postgres => new PooledDbContextFactory<PostgresAIBridgeDbContext>(Build<PostgresAIBridgeDbContext>(provider, connectionString)).CreateDbContext,
        DatabaseProvider.SqlServer => new PooledDbContextFactory<SqlServerAIBridgeDbContext>(Build<SqlServerAIBridgeDbContext>(provider, connectionString)).CreateDbContext,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    private static DbContextOptions<T> Build<T>(DatabaseProvider provider, string connectionString)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }
}

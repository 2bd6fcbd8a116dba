using Microsoft.EntityFrameworkCore;

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

    public static AIBridgeDbContext CreateContext(DatabaseProvider provider, string connectionString) => Factory(provider, connectionString)();

    /// <summary>
    /// Builds the options once and returns a cheap context constructor: building options is costly and
    /// the gateway makes contexts on its hot path.
    /// </summary>
    public static Func<AIBridgeDbContext> Factory(DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = Build<SqliteAIBridgeDbContext>();
                return () => new SqliteAIBridgeDbContext(sqlite);
            case DatabaseProvider.Postgres:
                var postgres = Build<PostgresAIBridgeDbContext>();
                return () => new PostgresAIBridgeDbContext(postgres);
            case DatabaseProvider.SqlServer:
                var sqlServer = Build<SqlServerAIBridgeDbContext>();
                return () => new SqlServerAIBridgeDbContext(sqlServer);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }

        DbContextOptions<T> Build<T>()
            where T : DbContext
        {
            var builder = new DbContextOptionsBuilder<T>();
            Configure(builder, provider, connectionString);
            return builder.Options;
        }
    }
}

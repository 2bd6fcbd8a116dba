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

    public static AIBridgeDbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        return provider switch
        {
            DatabaseProvider.Sqlite => new SqliteAIBridgeDbContext(Build<SqliteAIBridgeDbContext>()),
            DatabaseProvider.Postgres => new PostgresAIBridgeDbContext(Build<PostgresAIBridgeDbContext>()),
            DatabaseProvider.SqlServer => new SqlServerAIBridgeDbContext(Build<SqlServerAIBridgeDbContext>()),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };

        DbContextOptions<T> Build<T>()
            where T : DbContext
        {
            var builder = new DbContextOptionsBuilder<T>();
            Configure(builder, provider, connectionString);
            return builder.Options;
        }
    }
}

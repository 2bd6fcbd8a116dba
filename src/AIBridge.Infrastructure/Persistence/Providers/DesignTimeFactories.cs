using Microsoft.EntityFrameworkCore.Design;

namespace AIBridge.Infrastructure.Persistence.Providers;

// `dotnet ef migrations add` builds each provider's model through these; no database is contacted.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAIBridgeDbContext>
{
    public SqliteAIBridgeDbContext CreateDbContext(string[] args) =>
        (SqliteAIBridgeDbContext)DatabaseOptions.CreateContext(DatabaseProvider.Sqlite, DatabaseOptions.DefaultConnectionString);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAIBridgeDbContext>
{
    public PostgresAIBridgeDbContext CreateDbContext(string[] args) =>
        (PostgresAIBridgeDbContext)DatabaseOptions.CreateContext(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=aibridge");
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAIBridgeDbContext>
{
    public SqlServerAIBridgeDbContext CreateDbContext(string[] args) =>
        (SqlServerAIBridgeDbContext)DatabaseOptions.CreateContext(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=aibridge;TrustServerCertificate=true");
}

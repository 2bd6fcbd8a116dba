using System.Data.Common;
using AIBridge.Infrastructure.Persistence.Providers;
using Microsoft.Data.Sqlite;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>A SQLite file in a temp folder, like the embedded default.</summary>
public sealed class SqliteFixture : DatabaseFixture
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "aibridge-tests-" + Guid.NewGuid().ToString("N"));

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override DbConnection CreateConnection() => new SqliteConnection(ConnectionString);

    protected override Task CreateDatabaseAsync()
    {
        Directory.CreateDirectory(_directory);
        ConnectionString = $"Data Source={Path.Combine(_directory, "aibridge.db")}";
        return Task.CompletedTask;
    }

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

using System.Data.Common;
using AIBridge.Infrastructure.Persistence.Providers;
using Npgsql;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>
/// A fresh database on the PostgreSQL server named by <c>AIBRIDGE_TEST_POSTGRES</c>, which
/// <c>build/test.sh</c> starts. Without it the PostgreSQL tests fail rather than skip: a silent
/// skip would let CI pass without ever touching PostgreSQL.
/// </summary>
public sealed class PostgresFixture : DatabaseFixture
{
    public const string EnvironmentVariable = "AIBRIDGE_TEST_POSTGRES";

    private string _serverConnectionString = "";
    private string _database = "";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override DbConnection CreateConnection() => new NpgsqlConnection(ConnectionString);

    protected override async Task CreateDatabaseAsync()
    {
        _serverConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable)
            ?? throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: run the tests with build/test.sh, which starts a throwaway PostgreSQL.");
        _database = "aibridge_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteOnServerAsync($"CREATE DATABASE {_database}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = _database }.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

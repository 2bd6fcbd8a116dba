using Npgsql;

namespace AIBridge.Benchmarks;

public static class BenchDatabase
{
    /// <summary>A new, empty database on the given PostgreSQL server; its connection string.</summary>
    public static async Task<string> CreatePostgresAsync(string server, string prefix)
    {
        var name = $"{prefix}_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>The server named by <c>--postgres</c> or <c>AIBRIDGE_TEST_POSTGRES</c>.</summary>
    public static string PostgresServer(string? option) =>
        option ?? Environment.GetEnvironmentVariable("AIBRIDGE_TEST_POSTGRES")
            ?? throw new InvalidOperationException("--postgres or AIBRIDGE_TEST_POSTGRES names the server");
}

using AIBridge.FunctionalTests.Infrastructure;
using AIBridge.Infrastructure.Persistence.Migrations;
using AIBridge.Infrastructure.Persistence.Providers;
using AIBridge.Infrastructure.Persistence.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace AIBridge.FunctionalTests.Persistence;

/// <summary>
/// Migrations run frozen SQL, so the roll-up trigger generator can change without changing an old
/// migration. The latest roll-up migration of each provider must install what the generator produces
/// today: a change to the triggers without a new migration fails here.
/// </summary>
public sealed class MigrationSqlTests
{
    [Fact]
    public void The_latest_sqlite_rollup_migration_installs_todays_triggers() =>
        MigrationSql.Statements("Sqlite.20261128200232_SessionRollups.Up").Should().Equal(SessionRollupTriggers.Create(postgres: false));

    [Fact]
    public void The_latest_postgres_rollup_migration_installs_todays_triggers() =>
        MigrationSql.Statements("Postgres.20261128221834_PostgresRollupTriggerGuards.Up").Should().Equal(SessionRollupTriggers.Recreate(postgres: true));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Sqlite.20261207051405_UsageDays.Up")]
    [InlineData(DatabaseProvider.Postgres, "Postgres.20261207051408_UsageDays.Up")]
    [InlineData(DatabaseProvider.SqlServer, "SqlServer.20261207051412_UsageDays.Up")]
    public void The_latest_usage_roll_up_migration_fills_the_tables_as_todays_backfill_does(DatabaseProvider provider, string migration) =>
        MigrationSql.Statements(migration).Should().Equal(UsageRollupBackfill.Statements(provider));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Sqlite.20261207234355_UsageSlices.Up")]
    [InlineData(DatabaseProvider.Postgres, "Postgres.20261207234417_UsageSlices.Up")]
    [InlineData(DatabaseProvider.SqlServer, "SqlServer.20261207234435_UsageSlices.Up")]
    public void The_latest_usage_slice_migration_fills_the_slices_as_todays_backfill_does(DatabaseProvider provider, string migration) =>
        MigrationSql.Statements(migration).Should().Equal(UsageRollupBackfill.Slices(provider));

    [Fact]
    public void Each_rollup_migration_undoes_what_it_did()
    {
        MigrationSql.Statements("Sqlite.20261128200232_SessionRollups.Down").Should().Equal(SessionRollupTriggers.Drop(postgres: false));
        MigrationSql.Statements("Postgres.20261128200236_SessionRollups.Down").Should().Equal(SessionRollupTriggers.Drop(postgres: true));

        // Down drops today's triggers and installs those the earlier migration left.
        var earlier = MigrationSql.Statements("Postgres.20261128200236_SessionRollups.Up");
        MigrationSql.Statements("Postgres.20261128221834_PostgresRollupTriggerGuards.Down").Should()
            .Equal([.. SessionRollupTriggers.Drop(postgres: true), .. earlier.Take(earlier.Count - 4)], "the last four statements of the first were its backfill");
    }

    [Fact]
    public async Task Every_migration_goes_down_and_up_again_on_a_real_database()
    {
        var server = Environment.GetEnvironmentVariable(PostgresFixture.EnvironmentVariable)
            ?? throw new InvalidOperationException($"{PostgresFixture.EnvironmentVariable} is not set: run the tests with build/test.sh.");
        var database = "aibridge_migrate_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        var sqlite = Path.Combine(Path.GetTempPath(), $"aibridge-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await DownAndUpAsync(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
            await DownAndUpAsync(DatabaseProvider.Sqlite, $"Data Source={sqlite}");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            File.Delete(sqlite);
        }
    }

    private static async Task DownAndUpAsync(DatabaseProvider provider, string connectionString)
    {
        await using var db = DatabaseOptions.CreateContext(provider, connectionString);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync();
        await migrator.MigrateAsync(Migration.InitialDatabase);
        (await db.Database.GetAppliedMigrationsAsync()).Should().BeEmpty($"{provider} went all the way down");
        await migrator.MigrateAsync();
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

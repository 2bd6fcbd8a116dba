using AIBridge.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AIBridge.FunctionalTests.Persistence;

/// <summary>
/// Each provider has its own migration set; a model change without a new migration in every set fails
/// here. No server is contacted (the snapshot is compared with the model), so this covers SQL Server too.
/// </summary>
public sealed class MigrationDriftTests
{
    public static TheoryData<DatabaseProvider> Providers => new(Enum.GetValues<DatabaseProvider>());

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_are_current_with_the_model(DatabaseProvider provider)
    {
        using var db = DatabaseOptions.CreateContext(provider, OfflineConnectionString(provider));

        db.Database.GetMigrations().Should().NotBeEmpty();
        db.Database.HasPendingModelChanges().Should().BeFalse(
            $"the {provider} model changed without a migration: run dotnet ef migrations add <Name> --context {provider}AIBridgeDbContext (see docs/database.md)");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_provider_creates_the_same_tables(DatabaseProvider provider)
    {
        using var db = DatabaseOptions.CreateContext(provider, OfflineConnectionString(provider));
        var script = db.GetService<IMigrator>().GenerateScript();

        foreach (var table in new[] { "users", "api_keys", "aibridge_interceptions", "aibridge_token_usages", "aibridge_user_prompts", "aibridge_tool_usages", "aibridge_model_thoughts" })
        {
            script.Should().Contain(table);
        }

        script.Should().Contain("session_id").And.Contain("ended_at IS NOT NULL");
    }

    public static string OfflineConnectionString(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=:memory:",
        DatabaseProvider.Postgres => "Host=127.0.0.1;Port=1;Database=none",
        _ => "Server=127.0.0.1,1;Database=none;TrustServerCertificate=true",
    };
}

using System.Data.Common;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Application.Pricing;
using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Persistence.Providers;
using Microsoft.Extensions.DependencyInjection;
using Respawn;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>
/// One real database and one AIBridge host per provider for a whole test collection. The host
/// migrates the empty database at start, as production does; Respawn empties it before each test.
/// </summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private Respawner? _respawner;

    public abstract DatabaseProvider Provider { get; }

    public string ConnectionString { get; protected set; } = "";

    public AIBridgeFactory Factory { get; private set; } = null!;

    /// <summary>The fake provider both configured providers (<c>anthropic</c>, <c>openai</c>) point at.</summary>
    public FakeUpstream Upstream { get; } = new();

    /// <summary>The host's log lines at Warning and above, for tests of what operators are told.</summary>
    public CapturedLogs Logs { get; } = new();

    public const string AnthropicKey = "sk-ant-central-test-key-0001";
    public const string OpenAIKey = "sk-openai-central-test-key-0002";

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        await Upstream.StartAsync();
        var upstream = Upstream.BaseAddress.ToString().TrimEnd('/');
        Factory = new AIBridgeFactory(Provider, ConnectionString,
            ("AIBridge:Providers:anthropic:Type", "anthropic"),
            ("AIBridge:Providers:anthropic:BaseUrl", upstream),
            ("AIBridge:Providers:anthropic:ApiKey", AnthropicKey),
            ("AIBridge:Providers:openai:Type", "openai"),
            ("AIBridge:Providers:openai:BaseUrl", upstream + "/v1"),
            ("AIBridge:Providers:openai:ApiKey", OpenAIKey),
            ("AIBridge:Providers:dead:Type", "anthropic"),
            ("AIBridge:Providers:dead:BaseUrl", "http://127.0.0.1:1"),
            ("AIBridge:MaxRequestBodyBytes", "1048576"),
            ("AIBridge:Upstream:ResponseTimeout", "00:00:02"),
            ("AIBridge:Upstream:IdleTimeout", "00:00:02"),
            ("AIBridge:Recording:MaxBatchDelay", "00:00:00.005"))
        {
            Logs = Logs,
        };
        Factory.StartServer(); // applies the migrations

        await using var connection = await OpenConnectionAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = Provider == DatabaseProvider.Postgres ? DbAdapter.Postgres : DbAdapter.Sqlite,
            SchemasToInclude = Provider == DatabaseProvider.Postgres ? ["public"] : [],
            // The key ring stays: the host holds its key in memory, as a real process does across tests' data.
            TablesToIgnore = ["__EFMigrationsHistory", "aibridge_data_protection_keys", .. RollupTables],
        });
    }

    public async Task ResetAsync()
    {
        await using var connection = await OpenConnectionAsync();

        // The previous test's recorder may still be writing: its roll-up triggers and the deletes'
        // take row locks in different orders, and PostgreSQL may pick the reset as a deadlock victim.
        // (The recorder retries such a loss by itself; the reset does the same.)
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _respawner!.ResetAsync(connection);
                break;
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                await Task.Delay(50 * attempt);
            }
        }

        // Emptied last: deleting the interceptions runs the roll-up triggers, which would write into
        // tables Respawn had already emptied (it knows no order between tables without foreign keys).
        foreach (var table in RollupTables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM {table}";
            await command.ExecuteNonQueryAsync();
        }

        // The price book and the stored providers in force are held in memory: what Respawn deleted must leave them too.
        Factory.Services.GetRequiredService<PriceCatalog>().Replace([]);
        Factory.Services.GetRequiredService<ProviderCatalog>().ReplaceStored([]);
    }

    private static readonly string[] RollupTables = ["aibridge_session_rollups", "aibridge_rollup_counts"];

    /// <summary>A context on the test database, for arranging rows and inspecting what was stored.</summary>
    public AIBridgeDbContext CreateDbContext() => DatabaseOptions.CreateContext(Provider, ConnectionString);

    public async Task<DbConnection> OpenConnectionAsync()
    {
        var connection = CreateConnection();
        await connection.OpenAsync();
        return connection;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Upstream.DisposeAsync();
        await DropDatabaseAsync();
    }

    protected abstract DbConnection CreateConnection();

    protected abstract Task CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();
}

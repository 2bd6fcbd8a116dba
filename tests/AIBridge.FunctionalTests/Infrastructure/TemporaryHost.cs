using AIBridge.Infrastructure.Persistence.Providers;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>An AIBridge host of its own on a temporary SQLite file, for tests that need settings the shared fixture lacks.</summary>
public sealed class TemporaryHost : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"aibridge-test-{Guid.NewGuid():N}.db");

    public TemporaryHost(FakeUpstream upstream, Microsoft.Extensions.Logging.ILoggerProvider? logs = null, params (string Key, string Value)[] settings)
    {
        ConnectionString = $"Data Source={_file}";
        Factory = new AIBridgeFactory(DatabaseProvider.Sqlite, ConnectionString,
            [("AIBridge:Providers:anthropic:Type", "anthropic"), ("AIBridge:Providers:anthropic:BaseUrl", upstream.BaseAddress.ToString().TrimEnd('/')),
             ("AIBridge:Providers:openai:Type", "openai"), ("AIBridge:Providers:openai:BaseUrl", upstream.BaseAddress + "v1"), .. settings])
        {
            Logs = logs,
        };
        Factory.StartServer();
        Api = new ApiClient(Factory);
    }

    public string ConnectionString { get; }

    public AIBridgeFactory Factory { get; }

    public ApiClient Api { get; }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }
}

using AIBridge.Infrastructure.Persistence.Providers;
using Microsoft.Extensions.Logging;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>
/// An AIBridge host of its own on a temporary SQLite file, with its own fake provider behind
/// <c>anthropic</c> and <c>openai</c>, for tests that need settings the shared fixture lacks.
/// </summary>
public sealed class TemporaryHost : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"aibridge-test-{Guid.NewGuid():N}.db");

    private TemporaryHost(FakeUpstream upstream, ILoggerProvider? logs, (string Key, string Value)[] settings)
    {
        Upstream = upstream;
        Factory = new AIBridgeFactory(DatabaseProvider.Sqlite, $"Data Source={_file}",
            [("AIBridge:Providers:anthropic:Type", "anthropic"), ("AIBridge:Providers:anthropic:BaseUrl", upstream.BaseAddress.ToString().TrimEnd('/')),
             ("AIBridge:Providers:openai:Type", "openai"), ("AIBridge:Providers:openai:BaseUrl", upstream.BaseAddress + "v1"), .. settings])
        {
            Logs = logs,
        };
        Factory.StartServer();
        Api = new ApiClient(Factory);
    }

    public FakeUpstream Upstream { get; }

    public AIBridgeFactory Factory { get; }

    public ApiClient Api { get; }

    /// <param name="logs">Receives the host's log lines (at the levels <paramref name="settings"/> configure).</param>
    /// <param name="settings">Configuration applied last.</param>
    public static Task<TemporaryHost> StartAsync(ILoggerProvider? logs = null, params (string Key, string Value)[] settings) =>
        StartAsync(_ => settings, logs);

    /// <param name="settings">Configuration applied last, given the fake provider's base address (for a provider of the test's own).</param>
    /// <param name="logs">Receives the host's log lines.</param>
    public static async Task<TemporaryHost> StartAsync(Func<string, (string Key, string Value)[]> settings, ILoggerProvider? logs = null)
    {
        var upstream = new FakeUpstream();
        await upstream.StartAsync();
        return new TemporaryHost(upstream, logs, settings(upstream.BaseAddress.ToString().TrimEnd('/')));
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Upstream.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }
}

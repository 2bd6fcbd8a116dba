using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using AIBridge.TestSupport;

namespace AIBridge.Benchmarks;

/// <summary>AIBridge as it runs in production: its own process (Release build), SQLite, full recording.</summary>
public sealed class AIBridgeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;

    private AIBridgeProcess(Process process, string baseUrl, string dataDir)
    {
        _process = process;
        BaseUrl = baseUrl;
        _dataDir = dataDir;
    }

    public string BaseUrl { get; }

    public string Token { get; private set; } = "";

    /// <summary>The owner's session token, for the API.</summary>
    public string SessionToken { get; private set; } = "";

    public string DataDirectory => _dataDir;

    /// <summary>The process's resident memory now.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <param name="environment">Extra variables for this process only, e.g. to try a runtime setting against a baseline.</param>
    /// <param name="dataDirectory">The working folder (and SQLite file) of an earlier process to start again on; its user and token are kept.</param>
    public static async Task<AIBridgeProcess> StartAsync(string dll, string providerBaseUrl, string databaseProvider = "Sqlite", string? connectionString = null,
        IEnumerable<string>? environment = null, string? dataDirectory = null)
    {
        var port = LoopbackPort.Free();
        var dataDir = dataDirectory ?? Directory.CreateTempSubdirectory("aibridge-bench-").FullName;
        string[] settings =
        [
            $"Database__Provider={databaseProvider}",
            .. connectionString is null ? Array.Empty<string>() : [$"ConnectionStrings__AIBridge={connectionString}"],
            "AIBridge__Providers__anthropic__Type=anthropic",
            $"AIBridge__Providers__anthropic__BaseUrl={providerBaseUrl}",
            $"AIBridge__Providers__anthropic__ApiKey={StreamKind.AnthropicKey}",
            "AIBridge__Providers__openai__Type=openai",
            $"AIBridge__Providers__openai__BaseUrl={providerBaseUrl}/v1",
            $"AIBridge__Providers__openai__ApiKey={StreamKind.OpenAIKey}",
            // Two log lines per interception at Information go to the console; production would ship JSON logs.
            "Logging__LogLevel__Default=Warning",
            // Q1's data is dated 2025: the retention job's start-up sweep would delete it.
            "AIBridge__RetentionDays=0",
            .. environment ?? [],
        ];
        var start = AIBridgeLauncher.StartInfo(dll, dataDir, ["--urls", $"http://127.0.0.1:{port}"], settings);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("[aibridge] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var bridge = new AIBridgeProcess(process, $"http://127.0.0.1:{port}", dataDir);
        await bridge.WaitHealthyAsync();
        if (dataDirectory is null)
        {
            await bridge.CreateTokenAsync();
        }

        return bridge;
    }

    private async Task WaitHealthyAsync()
    {
        if (await AIBridgeLauncher.WaitHealthyAsync(_process, new Uri(BaseUrl), TimeSpan.FromSeconds(30)) is { } failure)
        {
            throw new InvalidOperationException(failure);
        }
    }

    private async Task CreateTokenAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        (await client.PostAsJsonAsync("/api/v2/users/first", new { email = "bench@example.com", username = "bench", password = "correct-horse-battery" })).EnsureSuccessStatusCode();
        var login = await client.PostAsJsonAsync("/api/v2/users/login", new { email = "bench@example.com", password = "correct-horse-battery" });
        var session = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("session_token").GetString()!;
        client.DefaultRequestHeaders.Add("Coder-Session-Token", session);
        SessionToken = session;
        var token = await client.PostAsJsonAsync("/api/v2/users/me/keys/tokens", new { token_name = "bench" });
        Token = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    /// <summary>SIGKILL, as a crash or the OOM killer would: no shutdown, no flush. The folder stays.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public ValueTask DisposeAsync() => Peers.ProcessTree.StopAsync(_process, _dataDir);
}

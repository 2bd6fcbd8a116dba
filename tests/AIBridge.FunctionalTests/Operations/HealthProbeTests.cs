using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Operations;

/// <summary>The container image's health check: <c>dotnet AIBridge.Web.dll healthcheck [url]</c>.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task The_probe_exits_0_for_a_running_aibridge_and_1_when_nothing_answers()
    {
        await using var host = await TemporaryHost.StartAsync();
        var healthz = new Uri(host.Factory.ClientOptions.BaseAddress, "/healthz").ToString();

        (await ExitCodeAsync(healthz)).Should().Be(0);
        (await ExitCodeAsync("http://127.0.0.1:1/healthz")).Should().Be(1);
    }

    private static async Task<int> ExitCodeAsync(string url)
    {
        using var process = AIBridgeChild.Run(AppContext.BaseDirectory, ["healthcheck", url]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}

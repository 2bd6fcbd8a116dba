using System.Net;
using AIBridge.FunctionalTests.Infrastructure;
using AIBridge.Infrastructure.Persistence.Providers;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>Bridge spec §10: a graceful shutdown flushes the recording queue before the process ends.</summary>
public sealed class RecordingShutdownTests
{
    [Fact]
    public async Task Queued_records_are_written_when_the_host_stops()
    {
        var file = Path.Combine(Path.GetTempPath(), $"aibridge-shutdown-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={file}";
        try
        {
            await using var upstream = new FakeUpstream();
            await upstream.StartAsync();
            upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
            var factory = new AIBridgeFactory(DatabaseProvider.Sqlite, connectionString,
                ("AIBridge:Providers:anthropic:Type", "anthropic"),
                ("AIBridge:Providers:anthropic:BaseUrl", upstream.BaseAddress.ToString().TrimEnd('/')),
                // The writer holds its batch open for a minute: only the shutdown flush can write these.
                ("AIBridge:Recording:MaxBatchDelay", "00:01:00"),
                ("AIBridge:Recording:BatchSize", "100000"));
            factory.StartServer();
            var api = new ApiClient(factory);
            var token = await api.CreateTokenAsync(await api.CreateOwnerAsync());
            var client = api.Anonymous();
            client.DefaultRequestHeaders.Add("X-Api-Key", token);
            for (var n = 0; n < 20; n++)
            {
                using var response = await client.PostAsync(new Uri(factory.ClientOptions.BaseAddress, "/api/v2/aibridge/anthropic/v1/messages"),
                    new StringContent("""{"model":"m","messages":[{"role":"user","content":"hi"}]}""", System.Text.Encoding.UTF8, "application/json"));
                response.StatusCode.Should().Be(HttpStatusCode.OK);
            }

            await using (var before = DatabaseOptions.CreateContext(DatabaseProvider.Sqlite, connectionString))
            {
                before.Interceptions.Count().Should().Be(0, "the writer is still filling its batch");
            }

            await factory.DisposeAsync();

            await using var db = DatabaseOptions.CreateContext(DatabaseProvider.Sqlite, connectionString);
            db.Interceptions.Count(i => i.EndedAt != null).Should().Be(20);
            db.TokenUsages.Count().Should().Be(20);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}

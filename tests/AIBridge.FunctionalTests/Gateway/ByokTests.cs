using System.Net;
using AIBridge.FunctionalTests.Infrastructure;
using AIBridge.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>Bridge spec §4–§5 with <c>AIBridge:AllowBYOK</c> on: the user's own provider key goes upstream, recorded as <c>byok</c>.</summary>
public sealed class ByokTests
{
    [Fact]
    public async Task The_users_key_goes_upstream_and_only_its_mask_is_recorded()
    {
        var file = Path.Combine(Path.GetTempPath(), $"aibridge-byok-{Guid.NewGuid():N}.db");
        try
        {
            await using var upstream = new FakeUpstream();
            await upstream.StartAsync();
            var baseUrl = upstream.BaseAddress.ToString().TrimEnd('/');
            await using var factory = new AIBridgeFactory(DatabaseProvider.Sqlite, $"Data Source={file}",
                ("AIBridge:AllowBYOK", "true"),
                ("AIBridge:Providers:anthropic:Type", "anthropic"),
                ("AIBridge:Providers:anthropic:BaseUrl", baseUrl),
                ("AIBridge:Providers:anthropic:ApiKey", "sk-ant-central-never-sent"),
                ("AIBridge:Providers:openai:Type", "openai"),
                ("AIBridge:Providers:openai:BaseUrl", baseUrl + "/v1"),
                ("AIBridge:Providers:openai:ApiKey", "sk-openai-central-never-sent"));
            factory.StartServer();
            var api = new ApiClient(factory);
            var token = await api.CreateTokenAsync(await api.CreateOwnerAsync());

            upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
            var anthropic = api.Anonymous();
            anthropic.DefaultRequestHeaders.Add("X-Coder-AI-Governance-Token", token);
            anthropic.DefaultRequestHeaders.Add("X-Api-Key", "sk-ant-users-own-key-123456");
            anthropic.DefaultRequestHeaders.Add("Authorization", "Bearer also-the-users");
            using var first = await anthropic.PostAsync(new Uri(factory.ClientOptions.BaseAddress, "/api/v2/aibridge/anthropic/v1/messages"),
                new StringContent("""{"model":"m","messages":[{"role":"user","content":"hi"}]}""", System.Text.Encoding.UTF8, "application/json"));
            first.StatusCode.Should().Be(HttpStatusCode.OK);
            var sent = upstream.Requests.Single();
            sent.Header("X-Api-Key").Should().Be("sk-ant-users-own-key-123456");
            sent.Header("Authorization").Should().BeNull("only the chosen credential reaches the provider");
            sent.Header("X-Coder-AI-Governance-Token").Should().BeNull();

            upstream.RespondWithJson(ProviderFixtures.ChatCompletion);
            var openai = api.Anonymous();
            openai.DefaultRequestHeaders.Add("X-Coder-AI-Governance-Token", token);
            openai.DefaultRequestHeaders.Add("Authorization", "Bearer sk-users-openai-key");
            using var second = await openai.PostAsync(new Uri(factory.ClientOptions.BaseAddress, "/api/v2/aibridge/openai/v1/chat/completions"),
                new StringContent("""{"model":"m","messages":[{"role":"user","content":"hi"}]}""", System.Text.Encoding.UTF8, "application/json"));
            second.StatusCode.Should().Be(HttpStatusCode.OK);
            upstream.Requests.Single().Header("Authorization").Should().Be("Bearer sk-users-openai-key");

            await using var db = DatabaseOptions.CreateContext(DatabaseProvider.Sqlite, $"Data Source={file}");
            for (var i = 0; i < 250 && await db.Interceptions.CountAsync(x => x.EndedAt != null) < 2; i++)
            {
                await Task.Delay(20);
            }

            var recorded = await db.Interceptions.OrderBy(x => x.StartedAt).Select(x => new { x.CredentialKind, x.CredentialHint }).ToListAsync();
            recorded.Should().Equal(new { CredentialKind = "byok", CredentialHint = "sk-a...3456" }, new { CredentialKind = "byok", CredentialHint = "sk...ey" });
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

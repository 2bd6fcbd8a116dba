using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Providers;

/// <summary>The newer provider types configured in AIBridge settings, as GitOps deployments keep them.</summary>
public sealed class ConfiguredTypesTests
{
    [Fact]
    public async Task An_azure_and_a_copilot_provider_from_settings_route_as_their_types_and_are_listed_read_only()
    {
        await using var host = await TemporaryHost.StartAsync(upstream =>
        [
            ("AIBridge:Providers:az:Type", "azure"), ("AIBridge:Providers:az:BaseUrl", upstream + "/openai/v1"),
            ("AIBridge:Providers:az:ApiKey", "azure-configured-key-0123456789"), ("AIBridge:Providers:az:ApiVersion", "2025-04-01-preview"),
            ("AIBridge:Providers:gh:Type", "copilot"), ("AIBridge:Providers:gh:BaseUrl", upstream),
        ]);
        var owner = await host.Api.CreateOwnerAsync();
        var token = await host.Api.CreateTokenAsync(owner);
        host.Upstream.RespondWithJson(ProviderFixtures.ChatCompletion);
        const string chat = """{"model":"gpt-4.1","messages":[{"role":"user","content":"hi"}]}""";

        using var azure = host.Api.Anonymous();
        azure.DefaultRequestHeaders.Add("api-key", token);
        (await azure.PostAsync("/api/v2/aibridge/az/v1/chat/completions", new StringContent(chat, Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var sent = host.Upstream.Requests.Single();
        (sent.PathAndQuery, sent.Header("api-key")).Should().Be(("/openai/v1/chat/completions?api-version=2025-04-01-preview", "azure-configured-key-0123456789"));

        host.Upstream.RespondWithJson(ProviderFixtures.ChatCompletion);
        using var copilot = host.Api.Anonymous();
        copilot.DefaultRequestHeaders.Add("X-Coder-AI-Governance-Token", token);
        copilot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ghu_configuredCopilotUser0000");
        (await copilot.PostAsync("/api/v2/ai-gateway/gh/chat/completions", new StringContent(chat, Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.OK);
        host.Upstream.Requests.Single().Header("Authorization").Should().Be("Bearer ghu_configuredCopilotUser0000");

        var listed = (await host.Api.GetOkAsync(owner, ProvidersApiTests.Path)).GetProperty("providers").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => (p.GetProperty("type").GetString(), p.GetProperty("source").GetString()));
        (listed["az"], listed["gh"]).Should().Be((("azure", "config"), ("copilot", "config")));
    }
}

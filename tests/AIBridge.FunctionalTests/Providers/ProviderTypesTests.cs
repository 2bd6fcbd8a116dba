using System.ClientModel;
using System.Net;
using System.Text.Json;
using AIBridge.FunctionalTests.Gateway;
using AIBridge.FunctionalTests.Infrastructure;
using OpenAI;
using OpenAI.Chat;

namespace AIBridge.FunctionalTests.Providers;

/// <summary>Providers added through the API, of each type, against the fake upstream that shows what arrived.</summary>
public abstract class ProviderTypesTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    private const string CompatKey = "sk-or-v1-openrouter-style-key-0042";
    private const string AzureKey = "0123456789abcdef0123456789abcdef";

    private string UpstreamUrl => Upstream.BaseAddress.ToString().TrimEnd('/');

    [Fact]
    public async Task An_openai_compatible_provider_gets_a_bearer_key_and_its_static_headers_and_is_recorded_as_openai_with_its_type()
    {
        await StoredProviderSetup.AddAsync(Api, Owner, new
        {
            name = "router", type = "openai-compat", base_url = UpstreamUrl + "/api/v1", api_keys = new[] { new { api_key = CompatKey } },
            settings = new { headers = new Dictionary<string, string> { ["HTTP-Referer"] = "https://aibridge.example", ["X-Title"] = "AIBridge" } },
        });
        Upstream.RespondWithJson(ProviderFixtures.ChatCompletion);
        var client = new ChatClient("openai/gpt-4.1", new ApiKeyCredential(Token), new OpenAIClientOptions { Endpoint = Gateway("router/v1") });

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage("hello")]);

        completion.Content[0].Text.Should().Be("Hi there");
        var sent = Upstream.Requests.Single();
        (sent.Method, sent.PathAndQuery, sent.Header("Authorization"), sent.Header("HTTP-Referer"), sent.Header("X-Title"), sent.Header("X-Api-Key"))
            .Should().Be(("POST", "/api/v1/chat/completions", "Bearer " + CompatKey, "https://aibridge.example", "AIBridge", null));
        var recorded = await RecordedAsync(await EndedInterceptionIdAsync());
        (recorded.Provider, recorded.ProviderName, recorded.CredentialHint).Should().Be(("openai", "router", "sk-o...0042"));
        Metadata(recorded.Metadata).GetProperty("provider_type").GetString().Should().Be("openai-compat");
    }

    [Fact]
    public async Task An_azure_provider_gets_the_api_key_header_and_the_api_version_and_takes_the_token_from_the_azure_header()
    {
        await StoredProviderSetup.AddAsync(Api, Owner, new
        {
            name = "azure-eu", type = "azure", base_url = UpstreamUrl + "/openai/v1", api_keys = new[] { new { api_key = AzureKey } },
            settings = new { api_version = "preview" },
        });
        Upstream.RespondWithEvents(ProviderFixtures.ChatStream);
        using var client = Api.Anonymous();
        client.DefaultRequestHeaders.Add("api-key", Token);

        using var response = await client.PostAsync(Gateway("azure-eu/v1/chat/completions"), Json("""{"model":"gpt-4.1","stream":true,"messages":[{"role":"user","content":"hi"}]}"""));
        await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var sent = Upstream.Requests.Single();
        (sent.PathAndQuery, sent.Header("api-key"), sent.Header("Authorization")).Should().Be(("/openai/v1/chat/completions?api-version=preview", AzureKey, null));
        var recorded = await RecordedAsync(InterceptionId(response));
        (recorded.Provider, recorded.ProviderName).Should().Be(("openai", "azure-eu"));
        Metadata(recorded.Metadata).GetProperty("provider_type").GetString().Should().Be("azure");
        recorded.TokenUsages.Should().ContainSingle();
    }

    [Fact]
    public async Task Every_provider_also_answers_under_the_ai_gateway_prefix()
    {
        Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
        using var client = Client();

        using var configured = await client.PostAsync(new Uri(Api.Anonymous().BaseAddress!, "/api/v2/ai-gateway/anthropic/v1/messages"),
            Json("""{"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}"""));
        configured.StatusCode.Should().Be(HttpStatusCode.OK);
        Upstream.Requests.Single().PathAndQuery.Should().Be("/v1/messages");
        (await RecordedAsync(InterceptionId(configured))).ProviderName.Should().Be("anthropic");

        await StoredProviderSetup.AddAsync(Api, Owner, new { name = "claude-eu", type = "anthropic", base_url = UpstreamUrl + "/eu" });
        Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
        using var stored = await client.PostAsync(new Uri(Api.Anonymous().BaseAddress!, "/api/v2/ai-gateway/claude-eu/v1/messages"),
            Json("""{"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}"""));
        stored.StatusCode.Should().Be(HttpStatusCode.OK);
        Upstream.Requests.Single().PathAndQuery.Should().Be("/eu/v1/messages");
        using var unknown = await client.GetAsync(new Uri(Api.Anonymous().BaseAddress!, "/api/v2/ai-gateway/nobody/v1/models"));
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_disabled_provider_and_one_that_cannot_be_built_answer_503_while_the_others_keep_working()
    {
        await StoredProviderSetup.AddAsync(Api, Owner, new { name = "off", type = "openai", base_url = UpstreamUrl + "/v1", enabled = false });
        await StoredProviderSetup.AddAsync(Api, Owner, new { name = "broken", type = "openai", base_url = UpstreamUrl + "/v1", api_keys = new[] { new { api_key = "sk-will-not-decrypt-0001" } } });
        await using (var db = Fixture.CreateDbContext())
        {
            // A key encrypted with a key ring this database does not hold, as after a restore into another deployment.
            var key = db.StoredProviderKeys.Single();
            key.Protected = "CfDJ8" + new string('A', 120);
            db.StoredProviders.Single(p => p.Name == "broken").UpdatedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }

        var broken = await WaitAsync(async () => await Api.GetOkAsync(Owner, ProvidersApiTests.Path + "/broken"), p => p.GetProperty("status").GetString() == "error");
        broken.GetProperty("status_detail").GetString().Should().StartWith("API key sk-w...0001 cannot be decrypted");
        Upstream.RespondWithJson(ProviderFixtures.ChatCompletion);
        using var client = Client("bearer");
        const string chat = """{"model":"gpt-4.1","messages":[{"role":"user","content":"hi"}]}""";

        foreach (var (name, reason) in new[] { ("off", "it is disabled"), ("broken", broken.GetProperty("status_detail").GetString()) })
        {
            using var refused = await client.PostAsync(Gateway(name + "/v1/chat/completions"), Json(chat));
            refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            var error = (await ApiClient.ReadJsonAsync(refused)).GetProperty("error");
            (error.GetProperty("type").GetString(), error.GetProperty("message").GetString())
                .Should().Be(("server_error", $"provider \"{name}\" is unavailable: {reason}"));
        }

        using var working = await client.PostAsync(Gateway("openai/v1/chat/completions"), Json(chat));
        working.StatusCode.Should().Be(HttpStatusCode.OK);
        Upstream.Requests.Should().ContainSingle("only the working provider's request went upstream");
    }

    private static JsonElement Metadata(string? metadata) => JsonDocument.Parse(metadata!).RootElement.Clone();
}

[Collection(SqliteCollection.Name)]
public sealed class ProviderTypesTests_Sqlite(SqliteFixture fixture) : ProviderTypesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class ProviderTypesTests_Postgres(PostgresFixture fixture) : ProviderTypesTests(fixture);

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AIBridge.FunctionalTests.Gateway;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Providers;

/// <summary>
/// A <c>copilot</c> provider: every user brings their own Copilot token in <c>Authorization</c> and their
/// AIBridge token in the governance header, whether or not BYOK is enabled for the other providers.
/// </summary>
public abstract class CopilotProviderTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    private const string CopilotToken = "ghu_copilotUserToken0123456789abcdefXYZ";

    private async Task AddCopilotAsync() =>
        await StoredProviderSetup.AddAsync(Api, Owner, new { name = "copilot", type = "copilot", base_url = Upstream.BaseAddress.ToString().TrimEnd('/') });

    private HttpClient CopilotClient()
    {
        var client = Api.Anonymous();
        client.DefaultRequestHeaders.Add("X-Coder-AI-Governance-Token", Token);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CopilotToken);
        client.DefaultRequestHeaders.Add("Editor-Version", "vscode/1.99.3");
        client.DefaultRequestHeaders.Add("Copilot-Integration-Id", "vscode-chat");
        client.DefaultRequestHeaders.Add("X-Client-Session-Id", "copilot-session-42");
        client.DefaultRequestHeaders.UserAgent.ParseAdd("GitHubCopilotChat/0.26.7");
        return client;
    }

    [Fact]
    public async Task Chat_goes_out_with_the_users_copilot_token_and_editor_headers_and_is_recorded_as_byok_in_its_session()
    {
        await AddCopilotAsync();
        Upstream.RespondWithEvents(ProviderFixtures.ChatStream);
        using var client = CopilotClient();

        using var response = await client.PostAsync(Gateway("copilot/chat/completions"), Json("""{"model":"gpt-4.1","stream":true,"messages":[{"role":"user","content":"weather?"}]}"""));
        await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var sent = Upstream.Requests.Single();
        (sent.PathAndQuery, sent.Header("Authorization"), sent.Header("Editor-Version"), sent.Header("Copilot-Integration-Id"), sent.Header("X-Coder-AI-Governance-Token"))
            .Should().Be(("/chat/completions", "Bearer " + CopilotToken, "vscode/1.99.3", "vscode-chat", null));
        var recorded = await RecordedAsync(InterceptionId(response));
        (recorded.Provider, recorded.ProviderName, recorded.CredentialKind, recorded.CredentialHint, recorded.ClientSessionId, recorded.Client)
            .Should().Be(("openai", "copilot", "byok", "ghu_...fXYZ", "copilot-session-42", "GitHub Copilot (VS Code)"));
        JsonDocument.Parse(recorded.Metadata!).RootElement.GetProperty("provider_type").GetString().Should().Be("copilot");
        recorded.ToolUsages.Should().HaveCount(2);
    }

    [Fact]
    public async Task Messages_and_responses_are_bridged_and_models_pass_through()
    {
        await AddCopilotAsync();
        using var client = CopilotClient();

        Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
        using var messages = await client.PostAsync(Gateway("copilot/v1/messages"), Json("""{"model":"claude-sonnet-4.5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}"""));
        messages.StatusCode.Should().Be(HttpStatusCode.OK);
        var sent = Upstream.Requests.Single();
        (sent.PathAndQuery, sent.Header("anthropic-version"), sent.Header("Authorization")).Should().Be(("/v1/messages", "2023-06-01", "Bearer " + CopilotToken));
        (await RecordedAsync(InterceptionId(messages))).Provider.Should().Be("anthropic");

        Upstream.RespondWithJson(ProviderFixtures.ResponsesBody);
        using var responses = await client.PostAsync(Gateway("copilot/responses"), Json("""{"model":"gpt-5","input":"hi"}"""));
        responses.StatusCode.Should().Be(HttpStatusCode.OK);
        Upstream.Requests.Single().PathAndQuery.Should().Be("/responses");
        (await RecordedAsync(InterceptionId(responses))).Provider.Should().Be("openai");

        Upstream.RespondWithJson("""{"data":[]}""");
        using var models = await client.GetAsync(Gateway("copilot/models"));
        models.StatusCode.Should().Be(HttpStatusCode.OK);
        (Upstream.Requests.Single().PathAndQuery, Upstream.Requests.Single().Header("Authorization")).Should().Be(("/models", "Bearer " + CopilotToken));
        using var unknown = await client.GetAsync(Gateway("copilot/v1/chat/completions"));
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_both_tokens_the_request_is_refused_and_a_copilot_provider_takes_no_keys()
    {
        await AddCopilotAsync();
        Upstream.RespondWithJson(ProviderFixtures.ChatCompletion);
        using var tokenOnly = Client("bearer");

        using var refused = await tokenOnly.PostAsync(Gateway("copilot/chat/completions"), Json("""{"model":"gpt-4.1","messages":[{"role":"user","content":"hi"}]}"""));

        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ApiClient.ReadJsonAsync(refused)).GetProperty("error").GetProperty("message").GetString()
            .Should().Be("provider \"copilot\" needs your AIBridge token in X-Coder-AI-Governance-Token and your Copilot token in Authorization: Bearer");
        Upstream.Requests.Should().BeEmpty();

        var keyed = await ApiClient.PostJsonAsync(Api.As(Owner.Token), ProvidersApiTests.Path, new { name = "copilot-biz", type = "copilot", api_keys = new[] { new { api_key = "ghp_x" } } });
        keyed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiClient.ReadJsonAsync(keyed)).GetProperty("validations")[0].GetProperty("detail").GetString()
            .Should().Be("A provider of type copilot holds no keys: each user's own token is sent.");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CopilotProviderTests_Sqlite(SqliteFixture fixture) : CopilotProviderTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class CopilotProviderTests_Postgres(PostgresFixture fixture) : CopilotProviderTests(fixture);

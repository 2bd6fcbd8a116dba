using System.Net;
using System.Text.Json;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Gateway;

public abstract class OpenAIGatewayTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    [Fact]
    public async Task Chat_stream_asks_for_usage_relays_verbatim_and_records_parallel_calls()
    {
        Upstream.RespondWithEvents(ProviderFixtures.ChatStream);
        var client = Client("bearer");
        client.DefaultRequestHeaders.UserAgent.ParseAdd("codex_cli_rs/0.50.0");
        client.DefaultRequestHeaders.Add("session-id", "codex-session-9");

        using var response = await client.PostAsync(Gateway("openai/v1/chat/completions"), Json(ProviderFixtures.ChatRequest));
        var text = await response.Content.ReadAsStringAsync();

        text.Should().Be(ProviderFixtures.ChatStream.Replace("\r\n", "\n").TrimEnd('\n') + "\n\n");
        var sent = Upstream.Requests.Single();
        sent.PathAndQuery.Should().Be("/v1/chat/completions");
        sent.BodyText.Should().Be(ProviderFixtures.ChatRequest[..^1] + ",\"stream_options\":{\"include_usage\":true}}");
        sent.Header("Authorization").Should().Be("Bearer " + DatabaseFixture.OpenAIKey);
        sent.Header("X-Api-Key").Should().BeNull();

        var recorded = await RecordedAsync(InterceptionId(response));
        (recorded.Provider, recorded.Model, recorded.Client, recorded.ClientSessionId).Should().Be(("openai", "gpt-4.1", "Codex", "codex-session-9"));
        recorded.CredentialHint.Should().Be("sk-o...0002");
        var usage = recorded.TokenUsages.Single();
        (usage.InputTokens, usage.OutputTokens, usage.CacheReadInputTokens, usage.ProviderResponseId).Should().Be((120L, 30L, 80L, "chatcmpl-s1"));
        JsonDocument.Parse(usage.Metadata!).RootElement.GetProperty("prompt_cached").GetInt64().Should().Be(80);
        recorded.ToolUsages.Select(t => (t.ProviderToolCallId, t.Input)).Should().BeEquivalentTo(new[]
        {
            ("call_paris", """{"city":"Paris"}"""), ("call_rome", """{"city":"Rome"}"""),
        });
        recorded.UserPrompts.Single().Prompt.Should().Be("weather in paris and rome?");
    }

    [Fact]
    public async Task Chat_blocking_body_is_forwarded_byte_for_byte()
    {
        const string request = "{ \"model\" : \"gpt-4.1\", \"messages\": [{\"role\":\"user\",\"content\":\"hi\"}], \"unknown_field\": {\"kept\": true} }";
        Upstream.RespondWithJson(ProviderFixtures.ChatCompletion);

        using var response = await Client("bearer").PostAsync(Gateway("openai/v1/chat/completions"), Json(request));

        (await response.Content.ReadAsStringAsync()).Should().Be(ProviderFixtures.ChatCompletion);
        Upstream.Requests.Single().BodyText.Should().Be(request);
        (await RecordedAsync(InterceptionId(response))).TokenUsages.Single().InputTokens.Should().Be(20);
    }

    [Fact]
    public async Task Responses_stream_records_calls_reasoning_and_cached_usage()
    {
        Upstream.RespondWithEvents(ProviderFixtures.ResponsesStream);

        using var response = await Client("bearer").PostAsync(Gateway("openai/v1/responses"), Json(ProviderFixtures.ResponsesRequest));

        (await response.Content.ReadAsStringAsync()).Should().Contain("response.completed");
        Upstream.Requests.Single().BodyText.Should().Be(ProviderFixtures.ResponsesRequest);
        var recorded = await RecordedAsync(InterceptionId(response));
        var usage = recorded.TokenUsages.Single();
        (usage.InputTokens, usage.OutputTokens, usage.CacheReadInputTokens).Should().Be((129L, 40L, 11904L));
        var tool = recorded.ToolUsages.Single();
        (tool.ProviderToolCallId, tool.ProviderItemId, tool.Tool).Should().Be(("call_tests", "fc_1", "shell"));
        recorded.ModelThoughts.Single().Content.Should().Be("Run dotnet test.");
        recorded.UserPrompts.Single().Prompt.Should().Be("run the tests");
    }

    [Fact]
    public async Task Responses_background_requests_are_501_and_not_sent()
    {
        using var response = await Client("bearer").PostAsync(Gateway("openai/v1/responses"), Json("""{"model":"gpt-5","background":true,"input":"x"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.NotImplemented);
        (await response.Content.ReadAsStringAsync()).Should().Be(
            """{"error":{"message":"background requests are currently not supported by AIBridge","type":"invalid_request_error","code":"unsupported_parameter"}}""");
        Upstream.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Passthrough_routes_relay_without_recording()
    {
        Upstream.RespondWithJson("""{"data":[{"id":"gpt-5"}]}""");

        using var response = await Client("bearer").GetAsync(Gateway("openai/v1/models?limit=2"));

        (await response.Content.ReadAsStringAsync()).Should().Be("""{"data":[{"id":"gpt-5"}]}""");
        var sent = Upstream.Requests.Single();
        sent.PathAndQuery.Should().Be("/v1/models?limit=2");
        sent.Header("Authorization").Should().Be("Bearer " + DatabaseFixture.OpenAIKey);
        sent.Header("X-Forwarded-Proto").Should().Be("http");
        response.Headers.Contains("X-AIBridge-Interception-Id").Should().BeFalse();
        await using var db = Fixture.CreateDbContext();
        db.Interceptions.Count().Should().Be(0);
    }

    [Fact]
    public async Task Get_on_a_bridged_path_passes_through()
    {
        Upstream.RespondWithJson("""{"object":"list","data":[]}""");

        using var response = await Client("bearer").GetAsync(Gateway("openai/v1/chat/completions"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Upstream.Requests.Single().Method.Should().Be("GET");
        response.Headers.Contains("X-AIBridge-Interception-Id").Should().BeFalse();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OpenAIGatewayTests_Sqlite(SqliteFixture fixture) : OpenAIGatewayTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class OpenAIGatewayTests_Postgres(PostgresFixture fixture) : OpenAIGatewayTests(fixture);

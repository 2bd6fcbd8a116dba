using System.ClientModel;
using System.Net;
using System.Text.Json;
using AIBridge.FunctionalTests.Gateway;
using AIBridge.FunctionalTests.Infrastructure;
using Anthropic;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Microsoft.AspNetCore.Http;
using OpenAI;
using OpenAI.Chat;

namespace AIBridge.FunctionalTests.Providers;

/// <summary>
/// A provider holding several keys: the fake upstream rate-limits one, refuses another and accepts a third,
/// and the gateway moves from one to the next before anything reaches the client.
/// </summary>
public abstract class KeyPoolTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    private const string Limited = "sk-pool-rate-limited-key-0429";
    private const string Revoked = "sk-pool-revoked-key-00000401";
    private const string Good = "sk-pool-good-key-000000000200";
    private const string Broken = "sk-pool-good-key-but-breaks-0200";

    /// <summary>The upstream answers by the key it got: Anthropic's header or OpenAI's Bearer.</summary>
    private void RespondByKey(Func<HttpContext, Task> good, Func<HttpContext, Task>? broken = null) => Upstream.Respond(async context =>
    {
        var key = context.Request.Headers["X-Api-Key"].ToString() is { Length: > 0 } apiKey ? apiKey : context.Request.Headers.Authorization.ToString()["Bearer ".Length..];
        switch (key)
        {
            case Limited:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "7";
                await context.Response.WriteAsync("""{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}""");
                break;
            case Revoked:
                context.Response.StatusCode = 401;
                await context.Response.WriteAsync("""{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}""");
                break;
            case Broken:
                await broken!(context);
                break;
            default:
                await good(context);
                break;
        }
    });

    private static Func<HttpContext, Task> JsonBody(string json) => async context =>
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    };

    private static Func<HttpContext, Task> Events(string sse) => context => FakeUpstream.WriteEventsAsync(context,
        FakeUpstream.SplitEvents(sse).Select(System.Text.Encoding.UTF8.GetBytes));

    private async Task<string[]> AddPoolAsync(string name, string type, params string[] keys)
    {
        var baseUrl = Upstream.BaseAddress.ToString().TrimEnd('/') + (type == "anthropic" ? "" : "/v1");
        var created = await StoredProviderSetup.AddAsync(Api, Owner, new { name, type, base_url = baseUrl, api_keys = keys.Select(k => new { api_key = k }) });
        return created.GetProperty("api_keys").EnumerateArray().Select(k => k.GetProperty("id").GetString()!).ToArray();
    }

    private string[] KeysSent() => Upstream.Requests.Select(r => r.Header("X-Api-Key") ?? r.Header("Authorization")![7..]).ToArray();

    [Fact]
    public async Task A_blocking_request_moves_past_a_rate_limited_and_a_revoked_key_and_records_each_attempt()
    {
        var ids = await AddPoolAsync("pool", "openai", Limited, Revoked, Good);
        RespondByKey(JsonBody(ProviderFixtures.ChatCompletion));
        var client = new ChatClient("gpt-4.1", new ApiKeyCredential(Token), new OpenAIClientOptions { Endpoint = Gateway("pool/v1") });

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage("hello")]);

        completion.Content[0].Text.Should().Be("Hi there");
        KeysSent().Should().Equal(Limited, Revoked, Good);
        Upstream.Requests.Select(r => r.BodyText).Distinct().Should().ContainSingle("each attempt sends the same body");
        var recorded = await RecordedAsync(await EndedInterceptionIdAsync());
        (recorded.StatusCode, recorded.CredentialHint).Should().Be((200, "sk-p...0200"));
        Attempts(recorded.Metadata).Should().Equal((ids[0], 429), (ids[1], 401), (ids[2], 200));

        var provider = await Api.GetOkAsync(Owner, ProvidersApiTests.Path + "/pool");
        var keys = provider.GetProperty("api_keys").EnumerateArray().ToArray();
        keys.Select(k => k.GetProperty("state").GetString()).Should().Equal("cooldown", "permanent", "valid");
        keys[0].GetProperty("cooldown_until").GetDateTime().Should().BeCloseTo(DateTime.UtcNow.AddSeconds(7), TimeSpan.FromSeconds(3));

        Upstream.Requests.Clear();
        await client.CompleteChatAsync([new UserChatMessage("again")]);
        KeysSent().Should().Equal([Good], "the cooling and the revoked keys are skipped by the next request");
        Fixture.Logs.Lines.Select(l => l.Message).Should().Contain(m => m.Contains("got 429; trying the next key") && m.Contains("sk-p...0429"))
            .And.NotContain(m => m.Contains(Limited) || m.Contains(Revoked) || m.Contains(Good));
    }

    [Fact]
    public async Task A_stream_moves_past_a_rate_limited_key_and_the_sdk_reads_it_whole()
    {
        await AddPoolAsync("claude-pool", "anthropic", Limited, Good);
        RespondByKey(Events(ProviderFixtures.AnthropicStream));
        var anthropic = new AnthropicClient { ApiKey = Token, BaseUrl = Gateway("claude-pool").ToString().TrimEnd('/'), MaxRetries = 0 };

        var events = new List<RawMessageStreamEvent>();
        await foreach (var e in anthropic.Messages.CreateStreaming(new MessageCreateParams
        {
            Model = "claude-sonnet-4", MaxTokens = 1024, Messages = [new UserMessageParam { Content = "list the files" }],
        }))
        {
            events.Add(e);
        }

        events.Should().HaveCountGreaterThan(5);
        KeysSent().Should().Equal(Limited, Good);
        var recorded = await RecordedAsync(await EndedInterceptionIdAsync());
        recorded.ToolUsages.Should().HaveCount(2);
        Attempts(recorded.Metadata).Select(a => a.Status).Should().Equal(429, 200);
    }

    [Fact]
    public async Task Nothing_fails_over_once_the_response_started_even_when_the_stream_then_reports_an_error()
    {
        await AddPoolAsync("claude-pool", "anthropic", Broken, Good);
        RespondByKey(Events(ProviderFixtures.AnthropicStream), broken: Events(ProviderFixtures.AnthropicOverloaded));
        using var client = Client();

        using var response = await client.PostAsync(Gateway("claude-pool/v1/messages"),
            Json("""{"model":"claude-sonnet-4","max_tokens":10,"stream":true,"messages":[{"role":"user","content":"hi"}]}"""));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Should().Contain("overloaded_error", "the stream's own error is relayed as it came");
        KeysSent().Should().Equal([Broken]);
        Attempts((await RecordedAsync(InterceptionId(response))).Metadata).Select(a => a.Status).Should().Equal(200);
    }

    [Fact]
    public async Task When_every_key_is_cooling_the_answer_is_a_429_with_the_shortest_wait_and_when_every_key_is_revoked_a_502()
    {
        await AddPoolAsync("cooling", "openai", Limited, Limited);
        await AddPoolAsync("revoked", "anthropic", Revoked, Revoked);
        RespondByKey(JsonBody(ProviderFixtures.ChatCompletion));
        var openai = new ChatClient("gpt-4.1", new ApiKeyCredential(Token), new OpenAIClientOptions
        {
            Endpoint = Gateway("cooling/v1"), RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(maxRetries: 0),
        });

        var limited = (await FluentActions.Awaiting(() => openai.CompleteChatAsync([new UserChatMessage("hi")])).Should().ThrowAsync<ClientResultException>()).Which;
        limited.Status.Should().Be(429);
        limited.GetRawResponse()!.Headers.TryGetValue("Retry-After", out var wait).Should().BeTrue();
        int.Parse(wait!).Should().BeInRange(6, 7);
        KeysSent().Should().Equal(Limited, Limited);

        Upstream.Requests.Clear();
        await FluentActions.Awaiting(() => openai.CompleteChatAsync([new UserChatMessage("hi")])).Should().ThrowAsync<ClientResultException>();
        Upstream.Requests.Should().BeEmpty("while every key cools down nothing is sent");

        var anthropic = new AnthropicClient { ApiKey = Token, BaseUrl = Gateway("revoked").ToString().TrimEnd('/'), MaxRetries = 0 };
        var call = () => anthropic.Messages.Create(new MessageCreateParams { Model = "claude-sonnet-4", MaxTokens = 10, Messages = [new UserMessageParam { Content = "hi" }] });
        (await FluentActions.Awaiting(call).Should().ThrowAsync<AnthropicApiException>()).Which.Message.Should().Contain("no valid API key for provider revoked");
        KeysSent().Should().Equal(Revoked, Revoked);

        var failed = await RecordedAsync(await EndedInterceptionIdAsync("revoked"));
        (failed.StatusCode, failed.ErrorMessage).Should().Be((502, "no valid API key for provider revoked"));
    }

    private static (string KeyId, int? Status)[] Attempts(string? metadata) =>
        JsonDocument.Parse(metadata!).RootElement.GetProperty("key_attempts").EnumerateArray()
            .Select(a => (a.GetProperty("key_id").GetString()!, a.GetProperty("status").ValueKind == JsonValueKind.Null ? (int?)null : a.GetProperty("status").GetInt32()))
            .ToArray();
}

[Collection(SqliteCollection.Name)]
public sealed class KeyPoolTests_Sqlite(SqliteFixture fixture) : KeyPoolTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class KeyPoolTests_Postgres(PostgresFixture fixture) : KeyPoolTests(fixture);

using System.ClientModel;
using AIBridge.FunctionalTests.Infrastructure;
using Anthropic;
using Anthropic.Models.Messages;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Responses;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>The official OpenAI and Anthropic .NET SDKs, pointed at AIBridge with an AIBridge token, work as against the provider.</summary>
public abstract class SdkTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    private OpenAIClientOptions OpenAIOptions => new() { Endpoint = Gateway("openai/v1"), NetworkTimeout = TimeSpan.FromSeconds(30) };

    private AnthropicClient AnthropicClient => new()
    {
        ApiKey = Token,
        BaseUrl = Gateway("anthropic").ToString().TrimEnd('/'),
        MaxRetries = 0,
    };

    [Fact]
    public async Task OpenAI_chat_streaming()
    {
        Upstream.RespondWithEvents(ProviderFixtures.ChatStream);
        var client = new ChatClient("gpt-4.1", new ApiKeyCredential(Token), OpenAIOptions);

        var calls = new HashSet<string>();
        ChatTokenUsage? usage = null;
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("weather in paris and rome?")]))
        {
            foreach (var call in update.ToolCallUpdates.Where(c => c.ToolCallId is not null))
            {
                calls.Add(call.ToolCallId);
            }

            usage = update.Usage ?? usage;
        }

        calls.Should().BeEquivalentTo("call_paris", "call_rome");
        usage!.InputTokenCount.Should().Be(200);
        Upstream.Requests.Single().Header("Authorization").Should().Be("Bearer " + DatabaseFixture.OpenAIKey);
        await AssertRecordedAsync(tokens: 120, tools: 2);
    }

    [Fact]
    public async Task OpenAI_chat_blocking()
    {
        Upstream.RespondWithJson(ProviderFixtures.ChatCompletion);
        var client = new ChatClient("gpt-4.1", new ApiKeyCredential(Token), OpenAIOptions);

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage("hello")]);

        completion.Content[0].Text.Should().Be("Hi there");
        await AssertRecordedAsync(tokens: 20, tools: 0, prompt: "hello");
    }

    [Fact]
    public async Task OpenAI_responses_streaming_and_blocking()
    {
        Upstream.RespondWithEvents(ProviderFixtures.ResponsesStream);
#pragma warning disable OPENAI001 // The Responses client is marked experimental in the SDK.
        var client = new ResponsesClient(new ApiKeyCredential(Token), new ResponsesClientOptions { Endpoint = Gateway("openai/v1") });
        var updates = 0;
        await foreach (var update in await client.CreateResponseStreamingAsync("gpt-5", "run the tests", previousResponseId: null))
        {
            updates++;
        }

        updates.Should().Be(4);
        await AssertRecordedAsync(tokens: 129, tools: 1, prompt: "run the tests");

        Upstream.RespondWithJson(ProviderFixtures.ResponsesBody);
        var response = await client.CreateResponseAsync("gpt-5", "finish", previousResponseId: null);
        response.Value.GetOutputText().Should().Be("Done.");
#pragma warning restore OPENAI001
    }

    [Fact]
    public async Task Anthropic_messages_streaming()
    {
        Upstream.RespondWithEvents(ProviderFixtures.AnthropicStream);

        var events = new List<RawMessageStreamEvent>();
        await foreach (var e in AnthropicClient.Messages.CreateStreaming(new MessageCreateParams
        {
            Model = "claude-sonnet-4",
            MaxTokens = 1024,
            Messages = [new UserMessageParam { Content = "list the files" }],
        }))
        {
            events.Add(e);
        }

        events.Should().HaveCountGreaterThan(5);
        Upstream.Requests.Single().Header("X-Api-Key").Should().Be(DatabaseFixture.AnthropicKey);
        await AssertRecordedAsync(tokens: 101, tools: 2, prompt: "list the files");
    }

    [Fact]
    public async Task Anthropic_messages_blocking()
    {
        Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);

        var message = await AnthropicClient.Messages.Create(new MessageCreateParams
        {
            Model = "claude-sonnet-4",
            MaxTokens = 1024,
            Messages = [new UserMessageParam { Content = "read a.cs" }],
        });

        message.ID.Should().Be("msg_block_1");
        await AssertRecordedAsync(tokens: 12, tools: 1, prompt: "read a.cs");
    }

    [Fact]
    public async Task SDKs_surface_gateway_auth_errors_as_typed_errors()
    {
        var openai = new ChatClient("gpt-4.1", new ApiKeyCredential("not-a-token"), OpenAIOptions);
        var act = async () => await openai.CompleteChatAsync([new UserChatMessage("hi")]);
        (await act.Should().ThrowAsync<ClientResultException>()).Which.Status.Should().Be(401);

        var anthropic = new AnthropicClient { ApiKey = "not-a-token", BaseUrl = Gateway("anthropic").ToString().TrimEnd('/'), MaxRetries = 0 };
        var call = async () => await anthropic.Messages.Create(new MessageCreateParams
        {
            Model = "m", MaxTokens = 1, Messages = [new UserMessageParam { Content = "hi" }],
        });
        (await call.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("Invalid API key format");
    }

    private async Task AssertRecordedAsync(long tokens, int tools, string? prompt = null)
    {
        await using var db = Fixture.CreateDbContext();
        var id = await WaitForSingleAsync(db);
        var recorded = await RecordedAsync(id);
        recorded.TokenUsages.Single().InputTokens.Should().Be(tokens);
        recorded.ToolUsages.Should().HaveCount(tools);
        if (prompt is not null)
        {
            recorded.UserPrompts.Single().Prompt.Should().Be(prompt);
        }

        db.Interceptions.RemoveRange(db.Interceptions);
        await db.SaveChangesAsync();
    }

    private static async Task<Guid> WaitForSingleAsync(AIBridge.Infrastructure.Persistence.AIBridgeDbContext db)
    {
        for (var i = 0; i < 500; i++)
        {
            var ids = db.Interceptions.Select(x => x.Id).ToList();
            if (ids.Count == 1)
            {
                return ids[0];
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("expected exactly one interception");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SdkTests_Sqlite(SqliteFixture fixture) : SdkTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class SdkTests_Postgres(PostgresFixture fixture) : SdkTests(fixture);

using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using AIBridge.FunctionalTests.Gateway;
using AIBridge.FunctionalTests.Infrastructure;
using Anthropic;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using OpenAI;
using OpenAI.Chat;

namespace AIBridge.FunctionalTests.Budgets;

/// <summary>Monthly budgets held against bridged traffic: through the gateway, before anything goes upstream.</summary>
public abstract class BudgetEnforcementTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    // claude-sonnet-4-5 lists at $3 in and $15 out per million tokens.
    private const string Model = "claude-sonnet-4-5";
    private const long InputPrice = 3_000_000;
    private const long OutputPrice = 15_000_000;

    [Fact]
    public async Task A_user_at_99_percent_sending_16_requests_at_once_ends_at_most_one_estimate_over()
    {
        // 1,000 in and 1,000 out: 3,000 + 15,000 micro-USD spent.
        await SpendAsync(1000, 1000);
        const long limit = 18_182;
        await SetBudgetAsync(limit);

        // Each admitted request is held upstream long enough for all sixteen to be in flight together,
        // and really costs 40 in and 90 out: 120 + 1,350.
        Upstream.Respond(async context =>
        {
            await Task.Delay(300, context.RequestAborted);
            await WriteMessageAsync(context, 40, 90);
        });
        const string body = """{"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":"run the tests again"}]}""";
        var estimate = ((Encoding.UTF8.GetByteCount(body) / 4 * InputPrice) + (100 * OutputPrice) + 500_000) / 1_000_000;

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            using var response = await Client().PostAsync(Gateway("anthropic/v1/messages"), Json(body));
            return (response.StatusCode, response.Headers.RetryAfter?.Delta, Body: await response.Content.ReadAsStringAsync());
        }));

        var admitted = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        (admitted + refused.Count).Should().Be(16, string.Join("\n", responses.Select(r => r.Body)));
        admitted.Should().BeGreaterThan(0, "the user had not spent the limit yet");
        refused.Should().NotBeEmpty();
        Upstream.Requests.Should().HaveCount(admitted, "a refused request sends nothing upstream");
        foreach (var (_, retryAfter, text) in refused)
        {
            retryAfter.Should().NotBeNull().And.BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromDays(31));
            var error = JsonDocument.Parse(text).RootElement;
            error.GetProperty("type").GetString().Should().Be("error");
            error.GetProperty("error").GetProperty("type").GetString().Should().Be("rate_limit_error");
            error.GetProperty("error").GetProperty("message").GetString().Should().Contain("monthly budget of $0.02");
        }

        var budget = await SettledBudgetAsync();
        var spent = budget.GetProperty("spent_micros").GetInt64();
        spent.Should().Be(18_000 + (admitted * 1_470));
        spent.Should().BeLessThanOrEqualTo(limit + estimate, $"concurrent requests overshoot by at most one estimate ({estimate})");
        budget.GetProperty("remaining_micros").GetInt64().Should().Be(0);
        await using var db = Fixture.CreateDbContext();
        (await db.Interceptions.CountAsync()).Should().Be(1 + admitted, "a refused request is not an interception");
    }

    [Fact]
    public async Task A_request_in_flight_holds_its_estimate_until_its_real_cost_replaces_it()
    {
        await SetBudgetAsync(1_000_000);
        var release = new TaskCompletionSource();
        Upstream.Respond(async context =>
        {
            await release.Task.WaitAsync(context.RequestAborted);
            await WriteMessageAsync(context, 10, 20);
        });
        const string body = """{"model":"claude-sonnet-4-5","max_tokens":2000,"messages":[{"role":"user","content":"hi"}]}""";
        var estimate = ((Encoding.UTF8.GetByteCount(body) / 4 * InputPrice) + (2000 * OutputPrice) + 500_000) / 1_000_000;

        var sending = Client().PostAsync(Gateway("anthropic/v1/messages"), Json(body));
        var held = await WaitForBudgetAsync(b => b.GetProperty("reserved_micros").GetInt64() > 0);
        held.GetProperty("reserved_micros").GetInt64().Should().Be(estimate);
        held.GetProperty("remaining_micros").GetInt64().Should().Be(1_000_000 - estimate);
        release.SetResult();
        (await sending).StatusCode.Should().Be(HttpStatusCode.OK);

        var settled = await SettledBudgetAsync();
        settled.GetProperty("spent_micros").GetInt64().Should().Be(30 + 300);
    }

    [Fact]
    public async Task The_official_SDKs_read_a_spent_budget_as_a_rate_limit_error_and_nothing_goes_upstream()
    {
        await SetBudgetAsync(0);
        Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var anthropic = new AnthropicClient { ApiKey = Token, BaseUrl = Gateway("anthropic").ToString().TrimEnd('/') };
        var message = async () => await anthropic.Messages.Create(new MessageCreateParams
        {
            Model = Model, MaxTokens = 100, Messages = [new UserMessageParam { Content = "hi" }],
        }, cancel.Token);
        (await message.Should().ThrowAsync<AnthropicRateLimitException>()).Which.Message.Should().Contain("monthly budget");

        // The OpenAI .NET SDK's retry policy would wait out the Retry-After (until the month ends), and says so in no error.
        var openai = new ChatClient("gpt-4.1", new ApiKeyCredential(Token),
            new OpenAIClientOptions { Endpoint = Gateway("openai/v1"), RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(maxRetries: 0) });
        var chat = async () => await openai.CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: cancel.Token);
        var refused = (await chat.Should().ThrowAsync<ClientResultException>()).Which;
        refused.Status.Should().Be(StatusCodes.Status429TooManyRequests);
        refused.Message.Should().Contain("insufficient_quota");

        Upstream.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Another_gateway_process_on_the_database_refuses_once_the_spend_reaches_it()
    {
        await using var other = new AIBridgeFactory(Fixture.Provider, Fixture.ConnectionString,
            ("AIBridge:InstanceId", "second-process"),
            ("AIBridge:Providers:anthropic:Type", "anthropic"),
            ("AIBridge:Providers:anthropic:BaseUrl", Upstream.BaseAddress.ToString().TrimEnd('/')),
            ("AIBridge:Recording:MaxBatchDelay", "00:00:00.005"));
        other.StartServer();
        using var otherClient = other.CreateClient();
        otherClient.DefaultRequestHeaders.Add("X-Api-Key", Token);
        await SetBudgetAsync(10_000);

        // The other process admits a cheap request, and so has read the spend while it was low.
        Upstream.Respond(context => WriteMessageAsync(context, 10, 10));
        const string body = """{"model":"claude-sonnet-4-5","max_tokens":100,"messages":[{"role":"user","content":"hi"}]}""";
        (await otherClient.PostAsync(new Uri(other.ClientOptions.BaseAddress, "/api/v2/aibridge/anthropic/v1/messages"), Json(body)))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        // This process spends the rest.
        await SpendAsync(1000, 1000);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var response = await otherClient.PostAsync(new Uri(other.ClientOptions.BaseAddress, "/api/v2/aibridge/anthropic/v1/messages"), Json(body));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                break;
            }

            response.StatusCode.Should().Be(HttpStatusCode.OK);
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(7), "a process reads the spend again at most five seconds after it last did");
            await Task.Delay(250);
        }
    }

    private async Task SpendAsync(int input, int output)
    {
        Upstream.Respond(context => WriteMessageAsync(context, input, output));
        using var response = await Client().PostAsync(Gateway("anthropic/v1/messages"),
            Json("""{"model":"claude-sonnet-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}"""));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await RecordedAsync(InterceptionId(response));
    }

    private async Task SetBudgetAsync(long limit)
    {
        var set = await ApiClient.PutJsonAsync(Api.As(Owner.Token), "/api/v2/users/me/budget", new { monthly_limit_micros = limit });
        set.StatusCode.Should().Be(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
    }

    /// <summary>The budget once every request has ended and been recorded: nothing reserved.</summary>
    private Task<JsonElement> SettledBudgetAsync() => WaitForBudgetAsync(b => b.GetProperty("reserved_micros").GetInt64() == 0);

    private async Task<JsonElement> WaitForBudgetAsync(Func<JsonElement, bool> until)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var budget = await Api.GetOkAsync(Owner, "/api/v2/users/me/budget");
            if (until(budget))
            {
                return budget;
            }

            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), budget.ToString());
            await Task.Delay(20);
        }
    }

    private static Task WriteMessageAsync(HttpContext context, int input, int output)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync($$$"""
            {"id":"msg_budget","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","usage":{"input_tokens":{{{input}}},"output_tokens":{{{output}}}}}
            """, context.RequestAborted);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BudgetEnforcementTests_Sqlite(SqliteFixture fixture) : BudgetEnforcementTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class BudgetEnforcementTests_Postgres(PostgresFixture fixture) : BudgetEnforcementTests(fixture);

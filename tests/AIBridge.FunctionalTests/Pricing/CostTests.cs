using System.Net;
using AIBridge.FunctionalTests.Gateway;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Pricing;

/// <summary>Each token-usage row is costed when it is written, at the prices then in force, from traffic through the gateway.</summary>
public abstract class CostTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    [Fact]
    public async Task An_Anthropic_stream_with_five_minute_and_one_hour_cache_writes_costs_each_at_its_rate()
    {
        Upstream.RespondWithEvents("""
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_cost","model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":1200,"cache_read_input_tokens":48000,"cache_creation_input_tokens":2000,"cache_creation":{"ephemeral_5m_input_tokens":1500,"ephemeral_1h_input_tokens":500},"output_tokens":1}}}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":350}}

            event: message_stop
            data: {"type":"message_stop"}


            """);

        var usage = await SendAsync("anthropic/v1/messages", """{"model":"claude-sonnet-4-5-20250929","stream":true,"max_tokens":100,"messages":[{"role":"user","content":"hi"}]}""");

        // $3 / $15 / $0.30 / $3.75 (5 min) / $6 (1 h) per million: 3,600 + 5,250 + 14,400 + 5,625 + 3,000 micro-USD.
        (usage.InputTokens, usage.OutputTokens, usage.CacheReadInputTokens, usage.CacheWriteInputTokens).Should().Be((1200L, 350L, 48000L, 2000L));
        usage.CostMicros.Should().Be(31_875);
    }

    [Fact]
    public async Task An_OpenAI_chat_with_cached_input_prices_the_cached_part_at_the_cached_rate()
    {
        Upstream.RespondWithJson("""
            {"id":"chatcmpl-cost","object":"chat.completion","model":"gpt-4.1-2025-04-14","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":16000,"completion_tokens":120,"total_tokens":16120,"prompt_tokens_details":{"cached_tokens":9000}}}
            """);

        var usage = await SendAsync("openai/v1/chat/completions", """{"model":"gpt-4.1-2025-04-14","messages":[{"role":"user","content":"hi"}]}""", "bearer");

        // Stored input excludes the 9,000 cached tokens: 7,000 × $2 + 120 × $8 + 9,000 × $0.50 per million.
        (usage.InputTokens, usage.CacheReadInputTokens).Should().Be((7000L, 9000L));
        usage.CostMicros.Should().Be(14_000 + 960 + 4_500);
    }

    [Fact]
    public async Task A_model_without_a_price_is_recorded_with_its_tokens_and_no_cost()
    {
        Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);

        var usage = await SendAsync("anthropic/v1/messages", """{"model":"claude-from-the-future","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}""");

        usage.InputTokens.Should().Be(12);
        usage.CostMicros.Should().BeNull("an unknown price is not guessed");
    }

    [Fact]
    public async Task An_override_prices_the_next_requests_and_leaves_earlier_rows_as_they_were()
    {
        Upstream.RespondWithJson(ProviderFixtures.AnthropicMessage);
        const string request = """{"model":"claude-haiku-4-5","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}""";
        var before = await SendAsync("anthropic/v1/messages", request);

        var set = await ApiClient.PutJsonAsync(Api.As(Owner.Token), "/api/v2/aibridge/prices/anthropic/claude-haiku-4-5",
            new { input = 10_000_000, output = 50_000_000, cache_read = 1_000_000, cache_write = 12_500_000 });
        set.StatusCode.Should().Be(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        var after = await SendAsync("anthropic/v1/messages", request);

        // 12 in, 6 out, 3 cache reads: $1 / $5 / $0.10 by default, ten times that overridden.
        before.CostMicros.Should().Be(12 + 30 + 0, "0.3 micro-USD of cache reads rounds down");
        after.CostMicros.Should().Be(120 + 300 + 3);
        (await RecordedAsync(before.InterceptionId)).TokenUsages.Single().CostMicros.Should().Be(42, "a row's cost is fixed when it is written");
    }

    private async Task<Domain.Interceptions.TokenUsage> SendAsync(string route, string body, string scheme = "x-api-key")
    {
        using var response = await Client(scheme).PostAsync(Gateway(route), Json(body));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await response.Content.ReadAsStringAsync();
        return (await RecordedAsync(InterceptionId(response))).TokenUsages.Single();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CostTests_Sqlite(SqliteFixture fixture) : CostTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class CostTests_Postgres(PostgresFixture fixture) : CostTests(fixture);

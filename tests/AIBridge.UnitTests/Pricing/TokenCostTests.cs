using AIBridge.Domain.Pricing;

namespace AIBridge.UnitTests.Pricing;

public sealed class TokenCostTests
{
    // Claude Sonnet 4.5's list prices: $3 in, $15 out, $0.30 cache read, $3.75 5-minute and $6 1-hour cache writes.
    private static readonly ModelPrice Sonnet = new()
    {
        ProviderType = "anthropic", Model = "claude-sonnet-4-5", InputMicros = 3_000_000, OutputMicros = 15_000_000, CacheReadMicros = 300_000,
        CacheWriteMicros = 3_750_000, CacheWrite1hMicros = 6_000_000,
    };

    // GPT-4.1: $2 in, $8 out, $0.50 cached input, no charge for cache writes.
    private static readonly ModelPrice Gpt41 = new()
    {
        ProviderType = "openai", Model = "gpt-4.1", InputMicros = 2_000_000, OutputMicros = 8_000_000, CacheReadMicros = 500_000, CacheWriteMicros = 0,
    };

    [Fact]
    public void Anthropic_with_five_minute_and_one_hour_cache_writes_prices_each_at_its_own_rate()
    {
        // 1,200 × 3 + 350 × 15 + 48,000 × 0.30 + (2,000 − 500) × 3.75 + 500 × 6 = 3,600 + 5,250 + 14,400 + 5,625 + 3,000 micro-USD.
        TokenCost.Micros(Sonnet, new TokenCounts(Input: 1_200, Output: 350, CacheRead: 48_000, CacheWrite: 2_000, CacheWrite1h: 500))
            .Should().Be(31_875);
    }

    [Fact]
    public void OpenAI_cached_input_is_priced_at_the_cached_rate()
    {
        // Stored input excludes the cached tokens: 7,000 × 2 + 120 × 8 + 9,000 × 0.5 = 14,000 + 960 + 4,500.
        TokenCost.Micros(Gpt41, new TokenCounts(Input: 7_000, Output: 120, CacheRead: 9_000, CacheWrite: 0)).Should().Be(19_460);
    }

    [Theory]
    [InlineData(1, 0)] // 0.3 micro-USD
    [InlineData(2, 1)] // 0.6
    [InlineData(5, 2)] // 1.5: half rounds up
    [InlineData(7, 2)] // 2.1
    public void Fractions_of_a_micro_dollar_round_half_up(long cacheRead, long expected) =>
        TokenCost.Micros(Sonnet, new TokenCounts(0, 0, cacheRead, 0)).Should().Be(expected);

    [Fact]
    public void A_count_without_a_price_makes_the_cost_unknown_and_a_zero_count_needs_none()
    {
        var noOneHour = new ModelPrice { InputMicros = 3_000_000, OutputMicros = 15_000_000, CacheReadMicros = 300_000, CacheWriteMicros = 3_750_000 };

        TokenCost.Micros(noOneHour, new TokenCounts(10, 10, 0, 100, CacheWrite1h: 100)).Should().BeNull("one-hour writes have no price here");
        TokenCost.Micros(noOneHour, new TokenCounts(10, 10, 0, 100)).Should().Be(30 + 150 + 375);
        TokenCost.Micros(null, new TokenCounts(1, 1, 0, 0)).Should().BeNull("an unpriced model is not guessed as free");
    }

    [Fact]
    public void A_free_model_costs_zero_and_huge_counts_do_not_overflow()
    {
        TokenCost.Micros(new ModelPrice { InputMicros = 0, OutputMicros = 0 }, new TokenCounts(1_000, 1_000, 0, 0)).Should().Be(0);
        TokenCost.Micros(Sonnet, new TokenCounts(long.MaxValue / 3, 0, 0, 0)).Should().Be(long.MaxValue / 3 * 3, "each token costs 3 micro-USD, and the sum is kept in 128 bits");
    }
}

using AIBridge.Application.Pricing;
using AIBridge.Domain.Pricing;

namespace AIBridge.UnitTests.Pricing;

public sealed class PriceBookTests
{
    private static readonly DefaultPrices Defaults = new(new DateOnly(2025, 11, 24), ["test"],
    [
        Price("anthropic", "claude-sonnet-4", 3),
        Price("anthropic", "claude-sonnet-4-5", 4),
        Price("openai", "gpt-5", 5),
        Price("openai", "gpt-5-mini", 6),
    ]);

    [Theory]
    [InlineData("anthropic", "claude-sonnet-4-5", 4L)]
    [InlineData("anthropic", "claude-sonnet-4-5-20250929", 4L)]
    [InlineData("anthropic", "claude-sonnet-4-20250514", 3L)]
    [InlineData("openai", "gpt-5-mini-2025-08-07", 6L)]
    [InlineData("openai", "gpt-5-2025-08-07", 5L)]
    [InlineData("openai", "gpt-5.2", null)]
    [InlineData("openai", "gpt-50", null)]
    [InlineData("openai", "claude-sonnet-4", null)]
    [InlineData("anthropic", "unknown", null)]
    public void A_model_is_priced_by_its_name_or_the_longest_priced_prefix_followed_by_a_dash(string type, string model, long? input) =>
        (new PriceBook(Defaults, []).Find(type, model)?.InputMicros).Should().Be(input);

    [Fact]
    public void An_override_wins_over_the_default_of_its_name_and_can_price_a_new_prefix()
    {
        var book = new PriceBook(Defaults, [Price("anthropic", "claude-sonnet-4-5", 40), Price("openai", "gpt-5.2", 70)]);

        book.Find("anthropic", "claude-sonnet-4-5-20250929")!.InputMicros.Should().Be(40);
        book.Find("anthropic", "claude-sonnet-4-0")!.InputMicros.Should().Be(3);
        book.Find("openai", "gpt-5.2-codex")!.InputMicros.Should().Be(70);
        book.Entries.Single(e => e.Price.Model == "claude-sonnet-4-5").Source.Should().Be(PriceSource.Override);
        book.Entries.Should().HaveCount(5);
    }

    [Fact]
    public void The_shipped_prices_carry_their_date_and_sources_and_price_current_models()
    {
        var shipped = DefaultPrices.Shipped;

        shipped.AsOf.Should().BeAfter(new DateOnly(2025, 1, 1));
        shipped.Sources.Should().HaveCount(2).And.OnlyContain(s => s.StartsWith("https://", StringComparison.Ordinal));
        var book = new PriceBook(shipped, []);
        var sonnet = book.Find("anthropic", "claude-sonnet-4-5-20250929")!;
        (sonnet.InputMicros, sonnet.OutputMicros, sonnet.CacheReadMicros, sonnet.CacheWriteMicros, sonnet.CacheWrite1hMicros)
            .Should().Be((3_000_000L, 15_000_000L, 300_000L, 3_750_000L, 6_000_000L));
        book.Find("openai", "gpt-4.1-2025-04-14")!.CacheReadMicros.Should().Be(500_000);
        shipped.Prices.Should().OnlyContain(p => p.InputMicros > 0 && p.OutputMicros > 0, "every shipped model has its input and output price");
    }

    private static ModelPrice Price(string type, string model, long input) => new() { ProviderType = type, Model = model, InputMicros = input };
}

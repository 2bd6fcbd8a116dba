using AIBridge.Application.Audit.Cache;
using AIBridge.Application.Pricing;
using AIBridge.Domain.Pricing;

namespace AIBridge.UnitTests;

public sealed class CacheReportBuilderTests
{
    private static readonly DateTime Start = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Thread = Guid.NewGuid();

    private static readonly PriceBook Prices = new(new DefaultPrices(new DateOnly(2025, 11, 24), ["test"], []),
    [
        new ModelPrice
        {
            ProviderType = "anthropic", Model = "claude", InputMicros = 3_000_000, OutputMicros = 15_000_000, CacheReadMicros = 300_000,
            CacheWriteMicros = 3_750_000, CacheWrite1hMicros = 6_000_000,
        },
    ]);

    [Fact]
    public void A_warm_cache_has_no_bust_and_its_hit_ratio_is_reads_over_the_whole_prompt()
    {
        var report = Build(Turn(0, write: 10_000), Turn(1, read: 10_000, write: 500, input: 100));

        report.BustCount.Should().Be(0);
        report.Turns.Select(t => t.Bust).Should().AllBeEquivalentTo((CacheBustDto?)null);
        report.Turns[1].HitRatio.Should().BeApproximately(10_000 / 10_600.0, 1e-9);
        report.HitRatio.Should().BeApproximately(10_000 / (10_000 + 10_000 + 500 + 100 + 100.0), 1e-9);
    }

    [Theory]
    [InlineData(6, 0, "sys", "tools", "ttl_expired")]
    [InlineData(4, 0, "sys", "tools", "prefix_changed")]
    [InlineData(30, 1, "sys", "tools", "prefix_changed")]
    [InlineData(61, 1, "sys", "tools", "ttl_expired")]
    [InlineData(1, 0, "other", "tools", "system_changed")]
    [InlineData(1, 0, "sys", "other", "tools_changed")]
    public void A_bust_is_named_by_the_first_reason_that_holds(int minutesLater, int hourLongWrites, string system, string tools, string reason)
    {
        var report = Build(Turn(0, write: 10_000, write1h: hourLongWrites * 10_000), Turn(minutesLater, write: 10_200, system: system, tools: tools));

        report.Turns[1].Bust!.Reason.Should().Be(reason);
        report.BustCount.Should().Be(1);
    }

    [Fact]
    public void The_bust_costs_what_the_re_written_and_uncached_tokens_cost_above_the_cache_read_price()
    {
        // 10,000 tokens were cached; the turn read 2,000, wrote 7,000 again and sent the other 1,000 uncached:
        // 7,000 × (3.75 − 0.30) + 1,000 × (3.00 − 0.30) = 24,150 + 2,700 micro-USD.
        var report = Build(Turn(0, write: 10_000), Turn(1, read: 2_000, write: 7_000, input: 1_200, system: "other"));

        report.BustCostMicros.Should().Be(26_850);
    }

    [Fact]
    public void A_shorter_prompt_or_another_model_is_not_a_bust_and_the_thread_comes_before_the_session()
    {
        var subAgent = Guid.NewGuid();
        var report = Build(
            Turn(0, write: 10_000),
            Turn(1, write: 9_000, root: subAgent),
            Turn(2, read: 30_000),
            Turn(3, read: 9_000, write: 1_200, input: 25_000, root: subAgent),
            Turn(4, write: 2_000, model: "haiku"));

        // Turn 1 is shorter than turn 0; turn 3 read all its own thread had cached, though less than half
        // of the session's previous turn; turn 4 has no earlier turn of its model.
        report.Turns.Select(t => t.Bust?.Reason).Should().Equal(null, null, null, null, null);
    }

    [Fact]
    public void A_new_thread_is_compared_with_the_sessions_previous_turn_of_its_model()
    {
        var report = Build(Turn(0, write: 10_000), Turn(1, write: 10_500, root: Guid.NewGuid()));

        report.Turns[1].Bust!.Reason.Should().Be("prefix_changed");
    }

    private static SessionCacheDto Build(params CacheTurn[] turns) => CacheReportBuilder.Build("s", turns, Prices);

    private static CacheTurn Turn(int minutes, long read = 0, long write = 0, long input = 100, long write1h = 0, string system = "sys", string tools = "tools",
        string model = "claude", Guid? root = null) =>
        new(Guid.NewGuid(), Start.AddMinutes(minutes), "anthropic", model, root ?? Thread, system, tools, input, read, write, write1h);
}

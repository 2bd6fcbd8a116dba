using AIBridge.Application.Gateway.Credentials;

namespace AIBridge.UnitTests.Providers;

public sealed class KeyPoolTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    private static KeyPool Pool(int keys) =>
        new("pool", "openai", Enumerable.Range(1, keys).Select(i => (Guid.NewGuid(), $"sk-test-key-number-{i:D4}")));

    [Fact]
    public void A_request_starts_with_the_first_valid_key_and_moves_past_the_ones_it_tried()
    {
        var pool = Pool(3);

        pool.Next(Now).Should().BeSameAs(pool.Keys[0]);
        pool.Next(Now, new HashSet<int> { 0 }).Should().BeSameAs(pool.Keys[1]);
        pool.Keys[1].CoolDown(Now.AddSeconds(10));
        pool.Next(Now, new HashSet<int> { 0 }).Should().BeSameAs(pool.Keys[2], "a cooling key is skipped");
        pool.Keys[0].Invalidate();
        pool.Next(Now).Should().BeSameAs(pool.Keys[2], "an invalid key is skipped by every later request");
        pool.Next(Now.AddSeconds(10)).Should().BeSameAs(pool.Keys[1], "the cooldown is over");
    }

    [Fact]
    public void Exhaustion_is_a_429_until_the_first_cooling_key_is_back_or_a_502_when_every_key_is_invalid()
    {
        var pool = Pool(2);
        pool.Keys[0].CoolDown(Now.AddSeconds(40));
        pool.Keys[1].CoolDown(Now.AddSeconds(7.2));

        pool.Next(Now).Should().BeNull();
        var cooling = pool.Exhausted(Now);
        (cooling.Status, cooling.RetryAfterSeconds, cooling.Message).Should().Be((429, 8L, "every API key of provider \"pool\" is rate limited"));

        pool.Keys[0].Invalidate();
        pool.Keys[1].Invalidate();
        var invalid = pool.Exhausted(Now);
        (invalid.Status, invalid.RetryAfterSeconds, invalid.Message).Should().Be((502, (long?)null, "no valid API key for provider pool"));
    }

    [Fact]
    public void States_and_census_show_each_key_as_this_process_sees_it()
    {
        var pool = Pool(3);
        pool.Keys[0].CoolDown(Now.AddSeconds(30));
        pool.Keys[0].CoolDown(Now.AddSeconds(5));
        pool.Keys[2].Invalidate();

        pool.Keys.Select(k => k.State(Now)).Should().Equal("cooldown", "valid", "permanent");
        pool.Keys[0].CooldownUntil(Now).Should().Be(Now.AddSeconds(30), "a shorter cooldown does not cut a longer one");
        pool.Keys[2].CooldownUntil(Now).Should().BeNull();
        pool.Census(Now).Should().Equal(("valid", 1), ("cooldown", 1), ("permanent", 1));
        pool.Keys[0].Credential.Key.Should().BeSameAs(pool.Keys[0]);
        pool.Keys[0].Credential.HeaderValue.Should().Be("Bearer sk-test-key-number-0001");
    }
}

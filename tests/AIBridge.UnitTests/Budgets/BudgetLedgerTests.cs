using AIBridge.Application.Budgets;
using AIBridge.Domain.Budgets;
using Microsoft.Extensions.Time.Testing;

namespace AIBridge.UnitTests.Budgets;

/// <summary>
/// The ledger's arithmetic: what it reads from the database plus what this process admitted that the read
/// cannot include yet, each amount counted once.
/// </summary>
public sealed class BudgetLedgerTests
{
    private static readonly Guid User = Guid.Parse("0b6f3f8e-0000-4000-8000-000000000001");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 31, 23, 0, 0, TimeSpan.Zero));
    private readonly Source _source = new();

    private BudgetLedger Ledger(long? defaultLimit = null) =>
        new(_source, new BudgetOptions { DefaultMonthlyLimitMicros = defaultLimit }, _clock);

    [Fact]
    public async Task A_user_without_a_limit_gets_no_hold()
    {
        using var ledger = Ledger();

        var decision = await ledger.ReserveAsync(User, 500, CancellationToken.None);

        decision.Hold.Should().BeNull();
        decision.Refusal.Should().BeNull();
    }

    [Fact]
    public async Task The_default_limit_applies_to_users_without_their_own()
    {
        using var ledger = Ledger(defaultLimit: 100);
        _source.Spent = 100;

        var decision = await ledger.ReserveAsync(User, 1, CancellationToken.None);

        decision.Refusal.Should().NotBeNull();
        decision.Refusal!.LimitMicros.Should().Be(100);
        decision.Refusal.RetryAfterSeconds.Should().Be(3600, "the month ends in an hour");
        decision.Refusal.Period.End.Should().Be(new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task Holds_in_memory_count_until_a_read_includes_them()
    {
        _source.Limit = 1000;
        using var ledger = Ledger();

        var first = (await ledger.ReserveAsync(User, 600, CancellationToken.None)).Hold!;
        (await ledger.ReserveAsync(User, 600, CancellationToken.None)).Hold.Should().NotBeNull("600 of 1,000 is not spent yet");
        (await ledger.ReserveAsync(User, 1, CancellationToken.None)).Refusal.Should().NotBeNull("1,200 is held");

        // The first ends having cost 100 and the database has its start and end; a later read shows it.
        first.AddCost(100);
        first.End();
        first.EndSettled(_clock.GetTimestamp());
        _source.Spent = 100 + 0;
        _clock.Advance(BudgetOptions.SpendMaxAge);

        // Read: 100 from the database, the second's 600 from memory (its start not yet written).
        (await ledger.ReserveAsync(User, 299, CancellationToken.None)).Hold.Should().NotBeNull("700 of 1,000 is held");
        (await ledger.ReserveAsync(User, 1, CancellationToken.None)).Hold.Should().NotBeNull("999 is below the limit");
        (await ledger.ReserveAsync(User, 1, CancellationToken.None)).Refusal.Should().NotBeNull("1,000 is held");
    }

    [Fact]
    public async Task A_hold_whose_start_the_read_includes_counts_only_its_change()
    {
        _source.Limit = 1000;
        using var ledger = Ledger();
        var hold = (await ledger.ReserveAsync(User, 800, CancellationToken.None)).Hold!;
        hold.StartSettled(_clock.GetTimestamp());
        _clock.Advance(BudgetOptions.SpendMaxAge);

        // The database holds the reservation; the request ended at 50 but its end is not written yet.
        _source.Spent = 800;
        hold.AddCost(50);
        hold.End();

        (await ledger.ReserveAsync(User, 900, CancellationToken.None)).Hold.Should().NotBeNull("800 - 800 + 50 is held");
        (await ledger.ReserveAsync(User, 1, CancellationToken.None)).Hold.Should().NotBeNull("950 is held, not 800 + 50 + 900");
        (await ledger.ReserveAsync(User, 49, CancellationToken.None)).Hold.Should().NotBeNull("951 is held");
        (await ledger.ReserveAsync(User, 1, CancellationToken.None)).Refusal.Should().NotBeNull("1,000 is held");
    }

    [Fact]
    public async Task A_new_month_starts_from_its_own_spend()
    {
        _source.Limit = 1000;
        using var ledger = Ledger();
        (await ledger.ReserveAsync(User, 1000, CancellationToken.None)).Hold.Should().NotBeNull();
        (await ledger.ReserveAsync(User, 1, CancellationToken.None)).Refusal.Should().NotBeNull();

        _clock.Advance(TimeSpan.FromHours(1));
        _source.Spent = 0;

        (await ledger.ReserveAsync(User, 1, CancellationToken.None)).Hold.Should().NotBeNull();
        _source.Periods.Last().Start.Should().Be(new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task A_changed_budget_is_read_again_at_once_and_a_failed_read_keeps_the_last()
    {
        _source.Limit = 10;
        using var ledger = Ledger();
        (await ledger.ReserveAsync(User, 10, CancellationToken.None)).Hold.Should().NotBeNull();
        (await ledger.ReserveAsync(User, 1, CancellationToken.None)).Refusal.Should().NotBeNull();

        _source.Limit = 1000;
        ledger.Forget(User);
        (await ledger.ReserveAsync(User, 1, CancellationToken.None)).Hold.Should().NotBeNull();

        _source.Fails = true;
        _clock.Advance(BudgetOptions.SpendMaxAge);
        (await ledger.ReserveAsync(User, 5000, CancellationToken.None)).Hold.Should().NotBeNull("the limit read last stands");
        (await ledger.ReserveAsync(User, 1, CancellationToken.None)).Refusal.Should().NotBeNull();
    }

    [Fact]
    public async Task Without_any_budget_no_request_reads_one_until_a_budget_is_set()
    {
        using var ledger = Ledger();
        await ledger.RefreshBudgetsExistAsync(CancellationToken.None);

        (await ledger.ReserveAsync(User, 1, CancellationToken.None)).Hold.Should().BeNull();
        _source.Periods.Should().BeEmpty("no user has a budget");

        _source.Limit = 10;
        ledger.Forget(User);
        (await ledger.ReserveAsync(User, 1, CancellationToken.None)).Hold.Should().NotBeNull();
        _source.Periods.Should().ContainSingle();
    }

    private sealed class Source : IBudgetSpendSource
    {
        public long? Limit { get; set; }

        public long Spent { get; set; }

        public bool Fails { get; set; }

        public List<BudgetPeriod> Periods { get; } = [];

        public Task<BudgetRead?> ReadAsync(Guid userId, BudgetPeriod period, long reservationsFromHour, bool hasDefaultLimit, CancellationToken cancellationToken)
        {
            Periods.Add(period);
            return Task.FromResult(Fails ? null : new BudgetRead(Limit, new BudgetSpend(Spent, 0)));
        }

        public Task<bool?> AnyBudgetsAsync(CancellationToken cancellationToken) => Task.FromResult<bool?>(Fails ? null : Limit is not null);
    }
}

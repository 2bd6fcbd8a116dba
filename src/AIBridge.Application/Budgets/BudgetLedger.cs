using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AIBridge.Domain.Budgets;

namespace AIBridge.Application.Budgets;

/// <summary>
/// Admits or refuses each bridged request against its user's monthly budget, before anything is sent
/// upstream. A user's spend is read from the database (every AIBridge process's costs and in-flight
/// reservations) at most every <see cref="BudgetOptions.SpendMaxAge"/>; what this process admitted since
/// is added from memory, so concurrent requests here see each other's reservations at once.
/// </summary>
public sealed class BudgetLedger(IBudgetSpendSource source, BudgetOptions options, TimeProvider clock) : IDisposable
{
    public const string MeterName = "AIBridge.Budgets";

    private readonly ConcurrentDictionary<Guid, Account> _accounts = new();
    private readonly Meter _meter = new(MeterName);
    private Counter<long>? _refusals;

    // Whether any user has a budget of their own: -1 not known (yet), 0 none, 1 some. Without a default limit
    // and without budgets, no request waits for a read.
    private int _anyBudgets = -1;
    private int _budgetChanges;

    public BudgetOptions Options => options;

    /// <summary>
    /// Admits the request when its user has spent less than their limit, reserving
    /// <paramref name="estimateMicros"/> until it ends; refuses it otherwise. Users without a limit get no hold.
    /// </summary>
    public async ValueTask<BudgetDecision> ReserveAsync(Guid userId, long estimateMicros, CancellationToken cancellationToken)
    {
        if (options.DefaultMonthlyLimitMicros is null && Volatile.Read(ref _anyBudgets) == 0)
        {
            return BudgetDecision.Unlimited;
        }

        var account = _accounts.GetOrAdd(userId, static _ => new Account());
        await account.Gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var period = BudgetPeriod.Of(now);
            if (account.IsStale(period, clock))
            {
                await RefreshAsync(userId, account, period, now, cancellationToken);
            }

            if (account.Limit is not { } limit)
            {
                return BudgetDecision.Unlimited;
            }

            var spent = account.Spent();
            if (spent >= limit)
            {
                (_refusals ??= _meter.CreateCounter<long>("aibridge_budget_refusals_total")).Add(1);
                return new BudgetDecision(null, new BudgetRefusal(limit, spent, period, period.SecondsLeft(now)));
            }

            var hold = new BudgetHold(estimateMicros);
            account.Holds.Add(hold);
            return new BudgetDecision(hold, null);
        }
        finally
        {
            account.Gate.Release();
        }
    }

    /// <summary>Reads again whether any user has a budget (see <see cref="BudgetOptions.SpendMaxAge"/>); kept unknown when the read fails.</summary>
    public async Task RefreshBudgetsExistAsync(CancellationToken cancellationToken)
    {
        var changes = Volatile.Read(ref _budgetChanges);
        var any = await source.AnyBudgetsAsync(cancellationToken);

        // A budget set here during the read may be missing from it: the next read decides.
        Volatile.Write(ref _anyBudgets, any switch { true => 1, false => 0, null => -1 });
        if (Volatile.Read(ref _budgetChanges) != changes)
        {
            Volatile.Write(ref _anyBudgets, -1);
        }
    }

    /// <summary>The user's budget changed here: their next request reads it again.</summary>
    public void Forget(Guid userId)
    {
        Interlocked.Increment(ref _budgetChanges);
        Volatile.Write(ref _anyBudgets, -1);
        if (_accounts.TryGetValue(userId, out var account))
        {
            account.Expire();
        }
    }

    public void Dispose() => _meter.Dispose();

    private async Task RefreshAsync(Guid userId, Account account, BudgetPeriod period, DateTime now, CancellationToken cancellationToken)
    {
        var readAt = clock.GetTimestamp();
        var reservationsFrom = BudgetOptions.ReservationsFrom(now);
        if (await source.ReadAsync(userId, period, reservationsFrom, options.DefaultMonthlyLimitMicros is not null, cancellationToken) is { } read)
        {
            account.Read(read.LimitMicros ?? options.DefaultMonthlyLimitMicros, read.Spend.Total, period, readAt);
        }
        else
        {
            // Serving matters more: the last spend read (or none) stands until the next try.
            account.Retried(period, readAt);
        }
    }

    /// <summary>One user's spend as last read, and the holds of this process that it may not include yet.</summary>
    private sealed class Account
    {
        private long _readAt;
        private long _triedAt;
        private long _spentAtRead;
        private BudgetPeriod? _period;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public List<BudgetHold> Holds { get; } = [];

        public long? Limit { get; private set; }

        public bool IsStale(BudgetPeriod period, TimeProvider clock)
        {
            var tried = Volatile.Read(ref _triedAt);
            return _period != period || tried == 0 || clock.GetElapsedTime(tried) >= BudgetOptions.SpendMaxAge;
        }

        public long Spent()
        {
            var spent = _spentAtRead;
            foreach (var hold in Holds)
            {
                spent += hold.Unread(_readAt);
            }

            return spent;
        }

        public void Read(long? limit, long spent, BudgetPeriod period, long readAt)
        {
            NewPeriod(period);
            (Limit, _spentAtRead, _readAt, _triedAt) = (limit, spent, readAt, readAt);
            Holds.RemoveAll(h => h.IncludedIn(readAt));
        }

        /// <summary>A read failed: the last one stands, and is tried again after the same wait.</summary>
        public void Retried(BudgetPeriod period, long at)
        {
            if (NewPeriod(period))
            {
                (_spentAtRead, _readAt) = (0, at);
            }

            _triedAt = at;
        }

        public void Expire() => Volatile.Write(ref _triedAt, 0);

        private bool NewPeriod(BudgetPeriod period)
        {
            if (_period == period)
            {
                return false;
            }

            // Last month's requests still running count in the month they started.
            Holds.Clear();
            _period = period;
            return true;
        }
    }
}

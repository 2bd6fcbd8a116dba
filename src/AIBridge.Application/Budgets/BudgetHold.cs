namespace AIBridge.Application.Budgets;

/// <summary>
/// One admitted request's claim on its user's budget: its worst-case cost while it runs, its real cost
/// once it ended. The recorder says when the database holds its start and its end (<see cref="StartSettled"/>,
/// <see cref="EndSettled"/>), so that the ledger counts each amount once: from memory until a spend read
/// from the database includes it.
/// </summary>
public sealed class BudgetHold(long estimateMicros)
{
    private long _actual;
    private int _ended;
    private long _startSettled;
    private long _endSettled;

    /// <summary>The worst-case cost reserved when the request was admitted.</summary>
    public long EstimateMicros { get; } = estimateMicros;

    /// <summary>The cost of a token-usage row of the request (null: unpriced, costs nothing).</summary>
    public void AddCost(long? micros)
    {
        if (micros is { } value)
        {
            Interlocked.Add(ref _actual, value);
        }
    }

    /// <summary>The request ended: its real cost replaces the reservation.</summary>
    public void End() => Volatile.Write(ref _ended, 1);

    /// <summary>The request was refused after its reservation (by a rate or concurrency limit): it is never stored, and holds nothing.</summary>
    public void Release()
    {
        End();
        EndSettled(0);
    }

    /// <summary>The database has the start (or never will): its reservation is in spend read after <paramref name="timestamp"/>.</summary>
    public void StartSettled(long timestamp) => Interlocked.CompareExchange(ref _startSettled, Math.Max(1, timestamp), 0);

    /// <summary>The database has the end: the real cost replaced the reservation in spend read after <paramref name="timestamp"/>.</summary>
    public void EndSettled(long timestamp)
    {
        StartSettled(timestamp);
        Interlocked.CompareExchange(ref _endSettled, Math.Max(1, timestamp), 0);
    }

    /// <summary>A spend read from the database that started at <paramref name="readAt"/> includes all of this hold.</summary>
    internal bool IncludedIn(long readAt) => Settled(ref _endSettled, readAt);

    /// <summary>What this hold adds to a spend read from the database that started at <paramref name="readAt"/>.</summary>
    internal long Unread(long readAt)
    {
        if (IncludedIn(readAt))
        {
            return 0;
        }

        var now = Volatile.Read(ref _ended) == 1 ? Interlocked.Read(ref _actual) : EstimateMicros;
        return Settled(ref _startSettled, readAt) ? now - EstimateMicros : now;
    }

    private static bool Settled(ref long settled, long readAt)
    {
        var at = Interlocked.Read(ref settled);
        return at != 0 && at < readAt;
    }
}

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The waits between attempts at one batch: doubling from the first delay up to the longest, each
/// jittered to between half and one and a half of its step, so that writers that failed together
/// (several partitions, several processes on one database) do not come back in step.
/// </summary>
internal sealed class RetrySchedule(TimeSpan first, TimeSpan longest, TimeProvider time, Func<double>? random = null)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;
    private TimeSpan _step = first;

    /// <summary>The wait before the next attempt; each call moves the schedule on.</summary>
    public TimeSpan Next()
    {
        var wait = _step * (0.5 + _random());
        _step = TimeSpan.FromTicks(Math.Min(_step.Ticks * 2, longest.Ticks));
        return wait;
    }

    public Task WaitAsync(CancellationToken cancellationToken) => Task.Delay(Next(), time, cancellationToken);
}

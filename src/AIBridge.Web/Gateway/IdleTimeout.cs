namespace AIBridge.Web.Gateway;

/// <summary>
/// Cancels <see cref="Token"/> once a relay has made no progress on either side for the timeout. One timer
/// per response, moved on only when it fires, so that progress costs a timestamp rather than a timer
/// change per chunk.
/// </summary>
public sealed class IdleTimeout : IDisposable
{
    private readonly CancellationTokenSource _expired = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly ITimer _timer;
    private long _lastProgress;
    private int _disposed;

    public IdleTimeout(TimeSpan timeout, TimeProvider time)
    {
        (_timeout, _time, _lastProgress) = (timeout, time, time.GetTimestamp());
        _timer = time.CreateTimer(static state => ((IdleTimeout)state!).Check(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    public CancellationToken Token => _expired.Token;

    public bool Expired => _expired.IsCancellationRequested;

    /// <summary>A read from the upstream or a write to the client completed.</summary>
    public void Progress() => Volatile.Write(ref _lastProgress, _time.GetTimestamp());

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _timer.Dispose();
            _expired.Dispose();
        }
    }

    private void Check()
    {
        // A callback may still run after Dispose, and an exception on a timer thread would end the process.
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        try
        {
            var idle = _time.GetElapsedTime(Volatile.Read(ref _lastProgress));
            if (idle >= _timeout)
            {
                _expired.Cancel();
            }
            else
            {
                _timer.Change(_timeout - idle, Timeout.InfiniteTimeSpan);
            }
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: the relay is over.
        }
    }
}

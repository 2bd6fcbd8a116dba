namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// Wakes whoever waits for a state to change: take <see cref="Next"/>, check the state, then await the
/// task taken. A change pulsed after the check completes that task; one before it is seen by the check.
/// </summary>
/// <remarks>Pulses cost nothing while nobody waits, since every response ends with one.</remarks>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiters;

    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Counts a waiter until disposed, so that pulses are not skipped meanwhile.</summary>
    public Waiter Wait()
    {
        Interlocked.Increment(ref _waiters);
        return new Waiter(this);
    }

    public void Pulse()
    {
        // A full fence, so that the state change before the pulse is not ordered after this read.
        if (Interlocked.CompareExchange(ref _waiters, 0, 0) == 0)
        {
            return;
        }

        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public readonly struct Waiter(ChangeSignal signal) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref signal._waiters);
    }
}

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// An in-process database's work runs on this process's cores, so its batches run on two writer threads
/// of their own (ADR 0014): the background one at the lowest CPU priority while the backlog is small,
/// taking only cores the relay leaves idle, and the catch-up one at normal priority once
/// <see cref="Application.Gateway.Recording.RecordingOptions.CatchUpRecords"/> records are queued.
/// </summary>
internal sealed class WriterThreads(int catchUpRecords) : IBatchScheduler
{
    private readonly WriterThread _background = new("AIBridge recorder (background)", lowestPriority: true);
    private readonly WriterThread _catchUp = new("AIBridge recorder", lowestPriority: false);

    public Task RunAsync(Func<Task> batch, long queued) => For(queued).RunAsync(batch);

    internal WriterThread For(long queued) => queued >= catchUpRecords ? _catchUp : _background;

    public void Dispose()
    {
        _background.Dispose();
        _catchUp.Dispose();
    }
}

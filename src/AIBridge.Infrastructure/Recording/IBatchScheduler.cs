using AIBridge.Application.Gateway.Recording;

namespace AIBridge.Infrastructure.Recording;

/// <summary>Where a batch is written: the writer's loop hands each batch here and awaits it.</summary>
internal interface IBatchScheduler : IDisposable
{
    /// <param name="queued">Records queued, the batch at hand included.</param>
    Task RunAsync(Func<Task> batch, long queued);
}

/// <summary>A database server does its work in its own processes: the batch runs where the loop is.</summary>
internal sealed class InlineBatchScheduler : IBatchScheduler
{
    public Task RunAsync(Func<Task> batch, long queued) => batch();

    public void Dispose()
    {
    }
}

internal static class BatchSchedulers
{
    public static IBatchScheduler For(RecorderDatabase database, RecordingOptions options) =>
        database.InProcess && options.CatchUpRecords > 0 ? new WriterThreads(options.CatchUpRecords) : new InlineBatchScheduler();
}

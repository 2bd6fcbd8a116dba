using AIBridge.Application.Gateway.Recording;
using AIBridge.Application.Gateway.Recovery;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The background writers, one <see cref="PartitionWriter"/> per partition of <see cref="RecordQueue"/>:
/// each drains its partition in batches, one transaction each (starts with their lineage, then children,
/// then ends), and the queue is flushed on shutdown after the web server has stopped.
/// </summary>
public sealed partial class RecordWriter : IHostedLifecycleService, IDisposable
{
    private readonly RecordQueue _queue;
    private readonly IBatchScheduler _scheduler;
    private readonly RecordingOptions _options;
    private readonly ILogger<RecordWriter> _logger;
    private readonly CancellationTokenSource _abort = new();
    private readonly PartitionWriter[] _partitions;
    private Task _loop = Task.CompletedTask;

    public RecordWriter(RecordQueue queue, RecorderDatabase database, IOptions<RecordingOptions> options, GatewayInstance instance, TimeProvider time,
        ILogger<RecordWriter> logger)
    {
        _queue = queue;
        _options = options.Value;
        _logger = logger;
        _scheduler = BatchSchedulers.For(database, _options);
        var transaction = new BatchTransaction(database, new LineageResolver(queue.RecentCalls, database.InProcess ? null : instance.Name, _options, time));
        var callers = new CallerWait(queue, _options, time);
        _partitions = queue.Readers
            .Select(reader => new PartitionWriter(
                reader, queue, new BatchWriter(transaction, queue.Metrics, queue.CountDropped, _options, time, logger), _scheduler, callers, _options, time))
            .ToArray();
    }

    /// <summary>Where batches run: the writer threads with an in-process database, else the loop itself.</summary>
    internal IBatchScheduler Scheduler => _scheduler;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.WhenAll(_partitions.Select(partition => Task.Run(() => partition.RunAsync(_abort.Token), CancellationToken.None)));
        return Task.CompletedTask;
    }

    /// <summary>Runs after every other service stopped, the web server included: no request can record any more.</summary>
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        _queue.Close();
        if (await Task.WhenAny(_loop, Task.Delay(_options.ShutdownFlushTimeout, CancellationToken.None)) != _loop)
        {
            await _abort.CancelAsync();
            LogUnflushed(_logger, _queue.Count);
        }

        await _loop;
    }

    public void Dispose()
    {
        _abort.Dispose();
        _scheduler.Dispose();
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording could not flush {Count} queued record(s) before shutdown; they are lost")]
    private static partial void LogUnflushed(ILogger logger, long count);
}

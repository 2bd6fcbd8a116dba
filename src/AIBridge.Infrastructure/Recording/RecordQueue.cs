using System.Collections.Concurrent;
using System.Threading.Channels;
using AIBridge.Application.Gateway.Recording;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The bounded in-process queue between requests and the background writers.
/// Enqueueing never blocks: past the record or byte bound the record is dropped, logged (rate-limited)
/// and counted, and so is every later record of an interception whose start was dropped.
/// </summary>
/// <remarks>One partition per writer (<see cref="RecordPartitions"/>).</remarks>
public sealed partial class RecordQueue : IRecorder, IDisposable
{
    private readonly RecordPartitions _partitions;
    private readonly ConcurrentDictionary<Guid, byte> _droppedStarts = new();
    private readonly RecordingOptions _options;
    private readonly ILogger<RecordQueue> _logger;
    private readonly TimeProvider _time;
    private long _records;
    private long _bytes;
    private long _droppedSinceLog;
    private long _waitingSince;
    private long _lastDropLog;

    public RecordQueue(IOptions<RecordingOptions> options, ILogger<RecordQueue> logger, TimeProvider? time = null)
    {
        _options = options.Value;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _partitions = new RecordPartitions(_options.Writers);
        Metrics = new RecordingMetrics(() => Interlocked.Read(ref _records), () => Interlocked.Read(ref _bytes));
    }

    public RecordingMetrics Metrics { get; }

    public long Count => Interlocked.Read(ref _records);

    /// <summary>Recent tool calls by provider call id, so lineage resolves while their rows are still queued.</summary>
    public RecentToolCalls RecentCalls { get; } = new();

    /// <summary>Responses whose tool calls may not be queued yet.</summary>
    public RespondingInterceptions Responding { get; } = new();

    /// <summary>Pulsed when a tool call is queued or a response ends: what <see cref="CallerWait"/> waits for.</summary>
    internal ChangeSignal CallerChanged { get; } = new();

    /// <summary>One per writer.</summary>
    internal IReadOnlyList<ChannelReader<RecordedItem>> Readers => _partitions.Readers;

    public bool Enqueue(RecordedItem item)
    {
        if (item.InterceptionId != Guid.Empty && _droppedStarts.ContainsKey(item.InterceptionId))
        {
            if (item is InterceptionEnded)
            {
                _droppedStarts.TryRemove(item.InterceptionId, out _);
            }

            return Drop(item, "orphan");
        }

        var bytes = item.ApproximateBytes;
        var queued = Interlocked.Increment(ref _records);
        if (queued == 1)
        {
            Interlocked.Exchange(ref _waitingSince, _time.GetTimestamp());
        }

        if (queued > _options.MaxQueuedRecords || Interlocked.Add(ref _bytes, bytes) > _options.MaxQueuedBytes)
        {
            Interlocked.Decrement(ref _records);
            Interlocked.Add(ref _bytes, -bytes);
            if (item is InterceptionStarted)
            {
                _droppedStarts[item.InterceptionId] = 0;
            }

            return Drop(item, "queue_full");
        }

        if (item is ToolUsageRecorded { Tool.ProviderToolCallId: { } callId } tool)
        {
            RecentCalls.Add(callId, tool.Tool.InterceptionId, tool.InterceptionStartedAt ?? tool.Tool.CreatedAt, tool.Tool.CreatedAt);
            CallerChanged.Pulse();
        }

        if (!_partitions.TryWrite(item))
        {
            Interlocked.Decrement(ref _records);
            Interlocked.Add(ref _bytes, -bytes);
            return Drop(item, "closed");
        }

        return true;
    }

    public void CountParseAbandoned() => Metrics.ParseAbandoned.Add(1);

    public long BeginResponse(Guid initiatorId, DateTime interceptionStartedAt) => Responding.Begin(initiatorId, interceptionStartedAt);

    public void EndResponse(long ticket)
    {
        Responding.End(ticket);
        CallerChanged.Pulse();
    }

    /// <summary>
    /// How full the queue is (the larger of its share of the record and byte bounds), and how long records
    /// have waited without a batch committing: since the last commit, or since the queue stopped being
    /// empty if that came later. Zero while nothing waits.
    /// </summary>
    public (double Fullness, TimeSpan Stalled) Progress()
    {
        var fullness = Math.Max((double)Count / _options.MaxQueuedRecords, (double)Interlocked.Read(ref _bytes) / _options.MaxQueuedBytes);
        if (Count <= 0)
        {
            return (fullness, TimeSpan.Zero);
        }

        var since = Math.Max(Metrics.LastBatchAt, Interlocked.Read(ref _waitingSince));
        return (fullness, _time.GetElapsedTime(since));
    }

    /// <summary>No more records are accepted (shutdown); the writers drain what is queued.</summary>
    public void Close() => _partitions.Complete();

    internal void Dequeued(RecordedItem item)
    {
        _partitions.Forget(item);
        Interlocked.Decrement(ref _records);
        Interlocked.Add(ref _bytes, -item.ApproximateBytes);
    }

    internal void CountDropped(RecordedItem item, string reason)
    {
        Metrics.Dropped.Add(1, RecordKinds.Tags(item, reason));
        item.Settled(_time.GetTimestamp());
    }

    private bool Drop(RecordedItem item, string reason)
    {
        _partitions.Forget(item);
        CountDropped(item, reason);
        Interlocked.Increment(ref _droppedSinceLog);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastDropLog);
        if (now - last >= 10_000 && Interlocked.CompareExchange(ref _lastDropLog, now, last) == last)
        {
            LogDropped(_logger, Interlocked.Exchange(ref _droppedSinceLog, 0), reason, Count);
        }

        return false;
    }

    public void Dispose() => Metrics.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording dropped {Count} record(s) ({Reason}); {Queued} queued")]
    private static partial void LogDropped(ILogger logger, long count, string reason, long queued);
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using AIBridge.Application.Gateway.Recording;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The bounded in-process queue between requests and the background writers (bridge spec §10).
/// Enqueueing never blocks: past the record or byte bound the record is dropped, logged (rate-limited)
/// and counted, and so is every later record of an interception whose start was dropped.
/// </summary>
/// <remarks>
/// One partition per writer, by initiator (ADR 0013): an interception's records, in order, and its
/// user's key touches all go to one writer, and two writers never write the same roll-up or count
/// rows, which are per initiator, so they never wait on each other.
/// </remarks>
public sealed partial class RecordQueue : IRecorder, IDisposable
{
    private readonly Channel<RecordedItem>[] _partitions;
    private readonly ConcurrentDictionary<Guid, int> _partitionOf = new();
    private readonly ConcurrentDictionary<Guid, byte> _droppedStarts = new();
    private readonly RecordingOptions _options;
    private readonly ILogger<RecordQueue> _logger;
    private long _records;
    private long _bytes;
    private long _droppedSinceLog;
    private long _lastDropLog;

    public RecordQueue(IOptions<RecordingOptions> options, ILogger<RecordQueue> logger)
    {
        _options = options.Value;
        _logger = logger;
        _partitions = Enumerable.Range(0, Math.Max(1, _options.Writers))
            .Select(_ => Channel.CreateUnbounded<RecordedItem>(new UnboundedChannelOptions { SingleReader = true }))
            .ToArray();
        Metrics = new RecordingMetrics(() => Interlocked.Read(ref _records), () => Interlocked.Read(ref _bytes));
    }

    public RecordingMetrics Metrics { get; }

    public long Count => Interlocked.Read(ref _records);

    /// <summary>Recent tool calls by provider call id, so lineage resolves while their rows are still queued.</summary>
    public RecentToolCalls RecentCalls { get; } = new();

    /// <summary>Responses whose tool calls may not be queued yet.</summary>
    public RespondingInterceptions Responding { get; } = new();

    /// <summary>One per writer.</summary>
    internal IReadOnlyList<ChannelReader<RecordedItem>> Readers => _partitions.Select(p => p.Reader).ToArray();

    public bool Enqueue(RecordedItem item)
    {
        var partition = Partition(item);
        if (item.InterceptionId != Guid.Empty && _droppedStarts.ContainsKey(item.InterceptionId))
        {
            if (item is InterceptionEnded)
            {
                _droppedStarts.TryRemove(item.InterceptionId, out _);
            }

            return Drop(item, "orphan");
        }

        var bytes = item.ApproximateBytes;
        if (Interlocked.Increment(ref _records) > _options.MaxQueuedRecords || Interlocked.Add(ref _bytes, bytes) > _options.MaxQueuedBytes)
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
        }

        if (!_partitions[partition].Writer.TryWrite(item))
        {
            Interlocked.Decrement(ref _records);
            Interlocked.Add(ref _bytes, -bytes);
            return Drop(item, "closed");
        }

        return true;
    }

    public void CountParseAbandoned() => Metrics.ParseAbandoned.Add(1);

    public long BeginResponse(Guid initiatorId, DateTime interceptionStartedAt) => Responding.Begin(initiatorId, interceptionStartedAt);

    public void EndResponse(long ticket) => Responding.End(ticket);

    /// <summary>No more records are accepted (shutdown); the writers drain what is queued.</summary>
    public void Close()
    {
        foreach (var partition in _partitions)
        {
            partition.Writer.TryComplete();
        }
    }

    /// <summary>
    /// The start's initiator decides, and the interception's later records follow it until its end is
    /// written (<see cref="Forget"/>), so that even a second end queued before the first is written
    /// lands behind it; records of an interception whose start was never queued, or whose end is
    /// written already, go by their interception id.
    /// </summary>
    private int Partition(RecordedItem item)
    {
        if (_partitions.Length == 1)
        {
            return 0;
        }

        switch (item)
        {
            case InterceptionStarted start:
                var partition = Of(start.Interception.InitiatorId);
                _partitionOf[start.InterceptionId] = partition;
                return partition;
            case ApiKeyUsed used:
                return Of(used.UserId);
            default:
                return _partitionOf.TryGetValue(item.InterceptionId, out var known) ? known : Of(item.InterceptionId);
        }

        int Of(Guid id) => (int)((uint)id.GetHashCode() % (uint)_partitions.Length);
    }

    /// <summary>An end was written or dropped: the interception's records no longer need one writer.</summary>
    private void Forget(RecordedItem item)
    {
        if (item is InterceptionEnded && _partitions.Length > 1)
        {
            _partitionOf.TryRemove(item.InterceptionId, out _);
        }
    }

    internal void Dequeued(RecordedItem item)
    {
        Forget(item);
        Interlocked.Decrement(ref _records);
        Interlocked.Add(ref _bytes, -item.ApproximateBytes);
    }

    internal void CountDropped(RecordedItem item, string reason) => Metrics.Dropped.Add(1, Tags(item, reason));

    private bool Drop(RecordedItem item, string reason)
    {
        Forget(item);
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

    internal static KeyValuePair<string, object?>[] Tags(RecordedItem item, string? reason = null) => reason is null
        ? [new("kind", Kind(item))]
        : [new("kind", Kind(item)), new("reason", reason)];

    private static string Kind(RecordedItem item) => item switch
    {
        InterceptionStarted => "interception",
        InterceptionEnded => "interception_end",
        TokenUsageRecorded => "token_usage",
        UserPromptRecorded => "user_prompt",
        ToolUsageRecorded => "tool_usage",
        ModelThoughtRecorded => "model_thought",
        _ => "api_key_use",
    };

    public void Dispose() => Metrics.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording dropped {Count} record(s) ({Reason}); {Queued} queued")]
    private static partial void LogDropped(ILogger logger, long count, string reason, long queued);
}

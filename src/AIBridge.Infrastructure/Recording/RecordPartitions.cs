using System.Collections.Concurrent;
using System.Threading.Channels;
using AIBridge.Application.Gateway.Recording;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The queue's partitions, one per writer, by initiator (ADR 0013): an interception's records, in order,
/// and its user's key touches all go to one writer, and two writers never write the same roll-up or count
/// rows, which are per initiator, so they never wait on each other.
/// </summary>
internal sealed class RecordPartitions
{
    private readonly Channel<RecordedItem>[] _channels;
    private readonly ConcurrentDictionary<Guid, int> _partitionOf = new();

    public RecordPartitions(int count) => _channels = Enumerable.Range(0, Math.Max(1, count))
        .Select(_ => Channel.CreateUnbounded<RecordedItem>(new UnboundedChannelOptions { SingleReader = true }))
        .ToArray();

    public IReadOnlyList<ChannelReader<RecordedItem>> Readers => _channels.Select(p => p.Reader).ToArray();

    public bool TryWrite(RecordedItem item) => _channels[Of(item)].Writer.TryWrite(item);

    public void Complete()
    {
        foreach (var channel in _channels)
        {
            channel.Writer.TryComplete();
        }
    }

    /// <summary>An end was written or dropped: the interception's records no longer need one writer.</summary>
    public void Forget(RecordedItem item)
    {
        if (item is InterceptionEnded && _channels.Length > 1)
        {
            _partitionOf.TryRemove(item.InterceptionId, out _);
        }
    }

    /// <summary>
    /// The start's initiator decides, and the interception's later records follow it until its end is
    /// written (<see cref="Forget"/>), so that even a second end queued before the first is written
    /// lands behind it; records of an interception whose start was never queued, or whose end is
    /// written already, go by their interception id.
    /// </summary>
    private int Of(RecordedItem item)
    {
        if (_channels.Length == 1)
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
    }

    private int Of(Guid id) => (int)((uint)id.GetHashCode() % (uint)_channels.Length);
}

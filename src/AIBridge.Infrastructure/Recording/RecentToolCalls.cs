using System.Collections.Concurrent;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// Tool calls recorded in the last minutes, by provider call id, and the thread roots of the latest
/// interceptions: lineage resolves from memory first, the database second.
/// </summary>
/// <param name="maxRoots">
/// How many roots are remembered; past it the oldest is forgotten. Every interception leaves one, so
/// they are bounded by count rather than age, which at a busy gateway's rates would keep millions. An
/// agent's next turn comes seconds after the last; an older parent's root is read from the database.
/// </param>
public sealed class RecentToolCalls(int maxRoots = 100_000)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(30);

    // A few recent uses per call id: providers do not reuse ids, but a replayed or faked response may.
    private readonly ConcurrentDictionary<string, (Guid InterceptionId, DateTime StartedAt, DateTime CreatedAt)[]> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, Guid> _roots = new();
    private readonly Queue<Guid> _rootsInOrder = new();
    private readonly Lock _rootsGate = new();
    private long _nextSweep = Environment.TickCount64 + 60_000;

    /// <param name="startedAt">When the calling interception started (see <see cref="FindCall"/>).</param>
    /// <param name="createdAt">When the call was recorded.</param>
    public void Add(string callId, Guid interceptionId, DateTime startedAt, DateTime createdAt)
    {
        _calls.AddOrUpdate(callId, [(interceptionId, startedAt, createdAt)], (_, old) => [.. old.TakeLast(3), (interceptionId, startedAt, createdAt)]);
        Sweep();
    }

    /// <summary>
    /// The interception of the most recent call with this id, among callers that
    /// started before <paramref name="before"/>, the answering request's start. The caller's start, not
    /// the call's own time, decides which calls qualify: a call is timed when parsed, which may be after
    /// the answer arrived.
    /// </summary>
    public Guid? FindCall(string callId, DateTime before) =>
        _calls.TryGetValue(callId, out var calls)
            ? calls.Where(c => c.StartedAt < before).OrderBy(c => c.CreatedAt).Select(c => (Guid?)c.InterceptionId).LastOrDefault()
            : null;

    /// <summary>Remembers where an interception's thread starts (its own id for a root).</summary>
    public void SetRoot(Guid interceptionId, Guid rootId)
    {
        lock (_rootsGate)
        {
            if (!_roots.TryAdd(interceptionId, rootId))
            {
                _roots[interceptionId] = rootId;
                return;
            }

            _rootsInOrder.Enqueue(interceptionId);
            if (_rootsInOrder.Count > maxRoots)
            {
                _roots.TryRemove(_rootsInOrder.Dequeue(), out _);
            }
        }
    }

    public Guid? FindRoot(Guid interceptionId) => _roots.TryGetValue(interceptionId, out var root) ? root : null;

    private void Sweep()
    {
        var now = Environment.TickCount64;
        var next = Interlocked.Read(ref _nextSweep);
        if (now < next || Interlocked.CompareExchange(ref _nextSweep, now + 60_000, next) != next)
        {
            return;
        }

        var cutoff = DateTime.UtcNow - Keep;
        foreach (var (id, calls) in _calls)
        {
            if (calls.All(c => c.StartedAt < cutoff))
            {
                _calls.TryRemove(id, out _);
            }
        }
    }
}

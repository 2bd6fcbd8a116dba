using System.Collections.Concurrent;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// Tool calls recorded in the last minutes, by provider call id, and the thread roots of recent
/// interceptions: lineage (bridge spec §9.9) resolves from memory first, the database second.
/// </summary>
public sealed class RecentToolCalls
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(30);

    // A few recent uses per call id: providers do not reuse ids, but a replayed or faked response may.
    private readonly ConcurrentDictionary<string, (Guid InterceptionId, DateTime CreatedAt)[]> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, (Guid RootId, DateTime At)> _roots = new();
    private long _nextSweep = Environment.TickCount64 + 60_000;

    public void Add(string callId, Guid interceptionId, DateTime createdAt)
    {
        _calls.AddOrUpdate(callId, [(interceptionId, createdAt)], (_, old) => [.. old.TakeLast(3), (interceptionId, createdAt)]);
        Sweep();
    }

    /// <summary>The interception that made the most recent call with this id before <paramref name="before"/>.</summary>
    public Guid? FindCall(string callId, DateTime before) =>
        _calls.TryGetValue(callId, out var calls)
            ? calls.Where(c => c.CreatedAt < before).OrderBy(c => c.CreatedAt).Select(c => (Guid?)c.InterceptionId).LastOrDefault()
            : null;

    /// <summary>Remembers where an interception's thread starts (its own id for a root).</summary>
    public void SetRoot(Guid interceptionId, Guid rootId) => _roots[interceptionId] = (rootId, DateTime.UtcNow);

    public Guid? FindRoot(Guid interceptionId) => _roots.TryGetValue(interceptionId, out var root) ? root.RootId : null;

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
            if (calls.All(c => c.CreatedAt < cutoff))
            {
                _calls.TryRemove(id, out _);
            }
        }

        foreach (var (id, root) in _roots)
        {
            if (root.At < cutoff)
            {
                _roots.TryRemove(id, out _);
            }
        }
    }
}

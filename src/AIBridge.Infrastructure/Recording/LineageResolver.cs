using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Interceptions;
using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// Places a new interception in its thread: the interception whose response made the tool call this
/// request answers is its parent, and that one's root (or the parent itself) its root. Memory first
/// (the calls may still be queued), then the database.
/// </summary>
/// <remarks>
/// With several processes on one database, the previous turn of a tool loop may have been served by
/// another process that has not committed its records yet. When the call is found nowhere and another
/// process has one of the user's interceptions open, the database is asked again until the call is
/// there, that process has ended its interceptions, or <see cref="RecordingOptions.MaxLineageWait"/>
/// has passed. SQLite serves one process, so there it is never asked.
/// </remarks>
/// <param name="instance">This process's instance id; null when the database serves no other process.</param>
internal sealed class LineageResolver(RecentToolCalls recentCalls, string? instance, RecordingOptions options, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    public async Task ResolveAsync(AIBridgeDbContext db, InterceptionStarted start, CancellationToken cancellationToken)
    {
        var interception = start.Interception;
        ThreadParentRow? parent = null;
        if (start.CorrelatingToolCallId is { } callId)
        {
            if (recentCalls.FindCall(callId, interception.StartedAt) is { } parentId && parentId != interception.Id)
            {
                parent = recentCalls.FindRoot(parentId) is { } root
                    ? new ThreadParentRow(parentId, root == parentId ? null : root)
                    : await RecordingQueries.ThreadOf(db, parentId).FirstOrDefaultAsync(cancellationToken);
            }

            parent ??= await RecordingQueries.ToolCallOrigin(db, callId, interception.StartedAt).FirstOrDefaultAsync(cancellationToken)
                ?? await AwaitOtherProcessAsync(db, interception, callId, cancellationToken);
        }

        interception.ThreadParentId = parent?.Id;
        interception.ThreadRootId = parent?.RootId;
        interception.SessionId = Interception.DeriveSessionId(interception.ClientSessionId, interception.ThreadRootId, interception.Id);
        recentCalls.SetRoot(interception.Id, interception.ThreadRootId ?? interception.Id);
    }

    private async Task<ThreadParentRow?> AwaitOtherProcessAsync(AIBridgeDbContext db, Interception interception, string callId, CancellationToken cancellationToken)
    {
        if (instance is null)
        {
            return null;
        }

        var since = time.GetTimestamp();
        while (await RecordingQueries.OpenElsewhere(db, interception.InitiatorId, interception.StartedAt, instance).AnyAsync(cancellationToken)
               && time.GetElapsedTime(since) < options.MaxLineageWait)
        {
            await Task.Delay(PollInterval, time, cancellationToken);
            if (await RecordingQueries.ToolCallOrigin(db, callId, interception.StartedAt).FirstOrDefaultAsync(cancellationToken) is { } parent)
            {
                return parent;
            }
        }

        // The other process may have committed the call together with its interception's end between the
        // last look for the call and the look that found nothing open: one more look settles it.
        return await RecordingQueries.ToolCallOrigin(db, callId, interception.StartedAt).FirstOrDefaultAsync(cancellationToken);
    }
}

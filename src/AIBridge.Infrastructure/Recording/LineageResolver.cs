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
internal sealed class LineageResolver(RecentToolCalls recentCalls)
{
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

            parent ??= await RecordingQueries.ToolCallOrigin(db, callId, interception.StartedAt).FirstOrDefaultAsync(cancellationToken);
        }

        interception.ThreadParentId = parent?.Id;
        interception.ThreadRootId = parent?.RootId;
        interception.SessionId = Interception.DeriveSessionId(interception.ClientSessionId, interception.ThreadRootId, interception.Id);
        recentCalls.SetRoot(interception.Id, interception.ThreadRootId ?? interception.Id);
    }
}

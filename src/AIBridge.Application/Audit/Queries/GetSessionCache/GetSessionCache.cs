using AIBridge.Application.Audit.Cache;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Pricing;
using Mediator;

namespace AIBridge.Application.Audit.Queries.GetSessionCache;

/// <summary>`GET /api/v2/aibridge/sessions/{session_id}/cache`: the session's prompt-cache use and busts. Who may read it: as for its threads.</summary>
public sealed record GetSessionCacheQuery(Actor Caller, string SessionId) : IQuery<SessionCacheDto>;

public sealed class GetSessionCacheQueryHandler(IAuditReadRepository audit, PriceCatalog prices) : IQueryHandler<GetSessionCacheQuery, SessionCacheDto>
{
    public async ValueTask<SessionCacheDto> Handle(GetSessionCacheQuery query, CancellationToken cancellationToken)
    {
        var turns = await OperationFailedException.Guard("Internal error fetching session cache use.",
            () => audit.ListCacheTurnsAsync(query.SessionId, query.Caller.CanReadInterceptions, cancellationToken));
        if (turns.Count == 0)
        {
            throw AppException.NotFound("Session not found.");
        }

        return CacheReportBuilder.Build(query.SessionId, turns, prices.Current);
    }
}

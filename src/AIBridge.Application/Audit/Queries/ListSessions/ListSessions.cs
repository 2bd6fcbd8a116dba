using AIBridge.Application.Audit.Dtos;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Querying;
using AIBridge.Application.Common.Security;
using Mediator;

namespace AIBridge.Application.Audit.Queries.ListSessions;

/// <summary>`GET /api/v2/aibridge/sessions`: (session id, initiator) groups by latest activity.</summary>
public sealed record ListSessionsQuery(Actor Caller, QueryParameters Parameters) : IQuery<SessionsPage>, IAuditListQuery
{
    public ListEndpoint Endpoint => ListEndpoint.Sessions;
}

public sealed class ListSessionsQueryValidator(AuditListParser parser) : AuditListValidator<ListSessionsQuery>(parser);

public sealed class ListSessionsQueryHandler(AuditListParser parser, IAuditReadRepository audit) : IQueryHandler<ListSessionsQuery, SessionsPage>
{
    public async ValueTask<SessionsPage> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var request = (await parser.ParseAsync(query.Parameters, query.Endpoint, query.Caller, cancellationToken)).Request!;
        SessionBlock? after = null;
        if (request.Cursor is { } cursor)
        {
            after = await OperationFailedException.Guard("Internal error validating after_session_id cursor.",
                () => audit.FindSessionBlockAsync(request.Filter, cursor, cancellationToken), hideDetail: true)
                ?? throw AppException.BadRequest("Query parameter has invalid value.", $"after_session_id: session \"{cursor}\" not found");
        }

        return await OperationFailedException.Guard("Internal error getting AI Bridge sessions.",
            () => audit.ListSessionsAsync(request.Filter, after, request.Page.Offset, request.Page.Limit, cancellationToken));
    }
}

using AIBridge.Application.Audit.Dtos;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Querying;
using AIBridge.Application.Common.Security;
using Mediator;

namespace AIBridge.Application.Audit.Queries.ListInterceptions;

/// <summary>`GET /api/v2/aibridge/interceptions`: completed interceptions, newest first.</summary>
public sealed record ListInterceptionsQuery(Actor Caller, QueryParameters Parameters) : IQuery<InterceptionsPage>, IAuditListQuery
{
    public ListEndpoint Endpoint => ListEndpoint.Interceptions;
}

public sealed class ListInterceptionsQueryValidator(AuditListParser parser) : AuditListValidator<ListInterceptionsQuery>(parser);

public sealed class ListInterceptionsQueryHandler(AuditListParser parser, IAuditReadRepository audit) : IQueryHandler<ListInterceptionsQuery, InterceptionsPage>
{
    public async ValueTask<InterceptionsPage> Handle(ListInterceptionsQuery query, CancellationToken cancellationToken)
    {
        var request = (await parser.ParseAsync(query.Parameters, query.Endpoint, query.Caller, cancellationToken)).Request!;
        var page = request.Page;
        var rows = await OperationFailedException.Guard("Internal error getting AI Bridge interceptions.",
            () => audit.ListInterceptionsAsync(request.Filter, page.AfterId, page.Offset, page.Limit, cancellationToken))
            ?? throw AppException.BadRequest("Invalid pagination cursor.", $"after_id: interception {page.AfterId} not found: invalid pagination cursor");
        return await OperationFailedException.Guard("Internal error converting database rows to API response.",
            () => audit.WithSubRecordsAsync(rows, cancellationToken));
    }
}

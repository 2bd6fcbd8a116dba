using AIBridge.Application.Audit.Dtos;
using AIBridge.Application.Audit.Threads;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Querying;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Common.Validation;
using FluentValidation;
using Mediator;

namespace AIBridge.Application.Audit.Queries.GetSessionThreads;

/// <summary>`GET /api/v2/aibridge/sessions/{session_id}`: a session expanded into a page of threads.</summary>
public sealed record GetSessionThreadsQuery(Actor Caller, string SessionId, QueryParameters Parameters) : IQuery<SessionThreadsDto>;

public sealed class GetSessionThreadsQueryValidator : RequestValidator<GetSessionThreadsQuery>
{
    public GetSessionThreadsQueryValidator() =>
        RuleFor(x => x).Custom((query, context) =>
        {
            if (ThreadPageRequest.Parse(query.SessionId, query.Parameters, out var envelope) is null)
            {
                context.AddFailures(envelope!, []);
            }
        });
}

public sealed class GetSessionThreadsQueryHandler(IAuditReadRepository audit) : IQueryHandler<GetSessionThreadsQuery, SessionThreadsDto>
{
    public async ValueTask<SessionThreadsDto> Handle(GetSessionThreadsQuery query, CancellationToken cancellationToken)
    {
        var request = ThreadPageRequest.Parse(query.SessionId, query.Parameters, out _)!;
        var canRead = query.Caller.CanReadInterceptions;
        var header = await OperationFailedException.Guard("Internal error fetching session.",
            () => audit.FindSessionAsync(query.SessionId, canRead, cancellationToken))
            ?? throw AppException.NotFound("Session not found.");

        var result = await OperationFailedException.Guard("Internal error fetching session threads.",
            () => audit.ListThreadsAsync(query.SessionId, canRead, request.Cursor, request.Limit, cancellationToken));
        if (result.Cursor != CursorLookup.Found)
        {
            var cursor = request.Cursor!;
            var problem = result.Cursor == CursorLookup.NotFound ? "not found" : $"does not belong to session {query.SessionId}";
            throw AppException.BadRequest("Invalid pagination cursor.", $"{cursor.ParameterName}: interception {cursor.Id} {problem}: invalid pagination cursor");
        }

        return SessionThreadsBuilder.Build(header, result.Rows!);
    }
}

using AIBridge.Application.Common.Querying;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Common.Validation;
using FluentValidation;
using Mediator;

namespace AIBridge.Application.Audit.Queries.ListClients;

/// <summary>`GET /api/v2/aibridge/clients`: distinct clients of completed interceptions, sorted, by literal prefix.</summary>
public sealed record ListClientsQuery(Actor Caller, QueryParameters Parameters) : IQuery<IReadOnlyList<string>>
{
    public const string SearchKey = "client";
    public const string SearchFailure = "Invalid AI Bridge clients search query.";

    public ListRequest? Parse(out ErrorEnvelope? envelope, out IReadOnlyList<Common.Exceptions.ValidationError> errors) =>
        ListRequest.Parse(Parameters, [SearchKey], SearchKey, SearchFailure, out envelope, out errors);
}

public sealed class ListClientsQueryValidator : RequestValidator<ListClientsQuery>
{
    public ListClientsQueryValidator() =>
        RuleFor(x => x).Custom((query, context) =>
        {
            if (query.Parse(out var envelope, out var errors) is null)
            {
                context.AddFailures(envelope!, errors);
            }
        });
}

public sealed class ListClientsQueryHandler(IAuditReadRepository audit) : IQueryHandler<ListClientsQuery, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(ListClientsQuery query, CancellationToken cancellationToken)
    {
        var request = query.Parse(out _, out _)!;
        if (!query.Caller.CanReadInterceptions)
        {
            return [];
        }

        var values = await audit.DistinctClientsAsync(cancellationToken);
        return DistinctValues.Page(values, request.Search[ListClientsQuery.SearchKey], request.Page.Offset, request.Page.Limit);
    }
}

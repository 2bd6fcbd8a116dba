using AIBridge.Application.Common.Querying;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Common.Validation;
using FluentValidation;
using Mediator;

namespace AIBridge.Application.Audit.Queries.ListModels;

/// <summary>`GET /api/v2/aibridge/models`: distinct models of completed interceptions, sorted, by literal prefix.</summary>
public sealed record ListModelsQuery(Actor Caller, QueryParameters Parameters) : IQuery<IReadOnlyList<string>>
{
    public const string SearchKey = "model";
    public const string SearchFailure = "Invalid AI Bridge models search query.";

    public ListRequest? Parse(out ErrorEnvelope? envelope, out IReadOnlyList<Common.Exceptions.ValidationError> errors) =>
        ListRequest.Parse(Parameters, [SearchKey], SearchKey, SearchFailure, out envelope, out errors);
}

public sealed class ListModelsQueryValidator : RequestValidator<ListModelsQuery>
{
    public ListModelsQueryValidator() =>
        RuleFor(x => x).Custom((query, context) =>
        {
            if (query.Parse(out var envelope, out var errors) is null)
            {
                context.AddFailures(envelope!, errors);
            }
        });
}

public sealed class ListModelsQueryHandler(IAuditReadRepository audit) : IQueryHandler<ListModelsQuery, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(ListModelsQuery query, CancellationToken cancellationToken)
    {
        var request = query.Parse(out _, out _)!;
        if (!query.Caller.CanReadInterceptions)
        {
            return [];
        }

        var values = await audit.DistinctModelsAsync(cancellationToken);
        return DistinctValues.Page(values, request.Search[ListModelsQuery.SearchKey], request.Page.Offset, request.Page.Limit);
    }
}

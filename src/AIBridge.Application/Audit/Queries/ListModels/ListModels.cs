using AIBridge.Application.Common.Querying;
using AIBridge.Application.Common.Security;
using Mediator;

namespace AIBridge.Application.Audit.Queries.ListModels;

/// <summary>`GET /api/v2/aibridge/models`: distinct models of completed interceptions, sorted, by literal prefix.</summary>
public sealed record ListModelsQuery(Actor Caller, QueryParameters Parameters) : IQuery<IReadOnlyList<string>>, IDistinctValuesQuery
{
    public string SearchKey => "model";

    public string SearchFailure => "Invalid AI Bridge models search query.";
}

public sealed class ListModelsQueryValidator : DistinctValuesQueryValidator<ListModelsQuery>;

public sealed class ListModelsQueryHandler(IAuditReadRepository audit) : IQueryHandler<ListModelsQuery, IReadOnlyList<string>>
{
    public ValueTask<IReadOnlyList<string>> Handle(ListModelsQuery query, CancellationToken cancellationToken) =>
        DistinctValuesQuery.HandleAsync(query, audit.DistinctModelsAsync, cancellationToken);
}

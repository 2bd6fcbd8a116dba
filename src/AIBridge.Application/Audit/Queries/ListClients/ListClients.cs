using AIBridge.Application.Common.Querying;
using AIBridge.Application.Common.Security;
using Mediator;

namespace AIBridge.Application.Audit.Queries.ListClients;

/// <summary>`GET /api/v2/aibridge/clients`: distinct clients of completed interceptions, sorted, by literal prefix.</summary>
public sealed record ListClientsQuery(Actor Caller, QueryParameters Parameters) : IQuery<IReadOnlyList<string>>, IDistinctValuesQuery
{
    public string SearchKey => "client";

    public string SearchFailure => "Invalid AI Bridge clients search query.";
}

public sealed class ListClientsQueryValidator : DistinctValuesQueryValidator<ListClientsQuery>;

public sealed class ListClientsQueryHandler(IAuditReadRepository audit) : IQueryHandler<ListClientsQuery, IReadOnlyList<string>>
{
    public ValueTask<IReadOnlyList<string>> Handle(ListClientsQuery query, CancellationToken cancellationToken) =>
        DistinctValuesQuery.HandleAsync(query, audit.DistinctClientsAsync, cancellationToken);
}

using AIBridge.Application.Common.Security;
using Mediator;

namespace AIBridge.Application.ApiKeys.Queries.ListTokens;

public sealed record ListTokensQuery(Actor Caller, string User) : IQuery<IReadOnlyList<ApiKeyDto>>;

public sealed class ListTokensQueryHandler(TokenAccess access, IApiKeyRepository keys)
    : IQueryHandler<ListTokensQuery, IReadOnlyList<ApiKeyDto>>
{
    public async ValueTask<IReadOnlyList<ApiKeyDto>> Handle(ListTokensQuery query, CancellationToken cancellationToken)
    {
        var user = await access.ResolveOwnerAsync(query.User, query.Caller, cancellationToken);
        return await keys.ListTokensAsync(user.Id, cancellationToken);
    }
}

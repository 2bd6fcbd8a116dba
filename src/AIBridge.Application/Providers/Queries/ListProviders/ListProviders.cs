using AIBridge.Application.Common.Authorization;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Gateway.Providers;
using Mediator;

namespace AIBridge.Application.Providers.Queries.ListProviders;

/// <summary>`GET /api/v2/aibridge/providers`: every provider, configured and stored, with its status in this process. Owners and auditors.</summary>
public sealed record ListProvidersQuery(Actor Caller) : IQuery<ProviderListDto>, IAuthorizedMessage
{
    public AppException? Authorize() => Caller.CanReadInterceptions ? null : AppException.Forbidden();
}

public sealed class ListProvidersQueryHandler(IProviderRepository providers, ProviderCatalog catalog, TimeProvider clock)
    : IQueryHandler<ListProvidersQuery, ProviderListDto>
{
    public async ValueTask<ProviderListDto> Handle(ListProvidersQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await providers.ListAsync(cancellationToken);
        return new ProviderListDto([
            .. catalog.Configured.OrderBy(p => p.Name, StringComparer.Ordinal).Select(ProviderDto.From),
            .. stored.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => ProviderDto.From(p, catalog.FindStored(p.Name), now)),
        ]);
    }
}

using AIBridge.Application.Common.Authorization;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Gateway.Providers;
using Mediator;

namespace AIBridge.Application.Providers.Queries.GetProvider;

/// <summary>`GET /api/v2/aibridge/providers/{name}`: one provider, configured or stored. Owners and auditors.</summary>
public sealed record GetProviderQuery(Actor Caller, string Name) : IQuery<ProviderDto>, IAuthorizedMessage
{
    public AppException? Authorize() => Caller.CanReadInterceptions ? null : AppException.Forbidden();
}

public sealed class GetProviderQueryHandler(IProviderRepository providers, ProviderCatalog catalog, TimeProvider clock)
    : IQueryHandler<GetProviderQuery, ProviderDto>
{
    public async ValueTask<ProviderDto> Handle(GetProviderQuery query, CancellationToken cancellationToken)
    {
        if (catalog.Configured.FirstOrDefault(p => p.Name == query.Name) is { } configured)
        {
            return ProviderDto.From(configured);
        }

        var stored = await providers.FindAsync(query.Name, cancellationToken) ?? throw ProviderLookup.NotFound(query.Name);
        return ProviderDto.From(stored, catalog.FindStored(stored.Name), clock.GetUtcNow().UtcDateTime);
    }
}

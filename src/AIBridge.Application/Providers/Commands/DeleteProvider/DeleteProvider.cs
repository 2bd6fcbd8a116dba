using AIBridge.Application.Common.Authorization;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Interfaces;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Gateway.Providers;
using Mediator;

namespace AIBridge.Application.Providers.Commands.DeleteProvider;

/// <summary>
/// `DELETE /api/v2/aibridge/providers/{name}`: removes a stored provider and its keys; its routes answer 404
/// from then on. Recorded interceptions keep its name. Owners only.
/// </summary>
public sealed record DeleteProviderCommand(Actor Caller, string Name) : ICommand, IAuthorizedMessage
{
    public AppException? Authorize() => Caller.IsOwner ? null : AppException.Forbidden();
}

public sealed class DeleteProviderCommandHandler(IProviderRepository providers, IUnitOfWork unitOfWork, ProviderCatalog catalog, ProviderCatalogLoader loader)
    : ICommandHandler<DeleteProviderCommand>
{
    public async ValueTask<Unit> Handle(DeleteProviderCommand command, CancellationToken cancellationToken)
    {
        providers.Remove(await ProviderLookup.EditableAsync(providers, catalog, command.Name, cancellationToken));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await loader.LoadAsync(cancellationToken);
        return Unit.Value;
    }
}

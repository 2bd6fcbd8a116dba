using AIBridge.Application.Common.Authorization;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Interfaces;
using AIBridge.Application.Common.Security;
using Mediator;

namespace AIBridge.Application.Pricing.Commands.DeletePrice;

/// <summary>
/// `DELETE /api/v2/aibridge/prices/{provider_type}/{model}`: removes an override; the shipped price, if
/// any, is in force again. Owners only.
/// </summary>
public sealed record DeletePriceCommand(Actor Caller, string ProviderType, string Model) : ICommand, IAuthorizedMessage
{
    public AppException? Authorize() => Caller.IsOwner ? null : AppException.Forbidden();
}

public sealed class DeletePriceCommandHandler(IPriceRepository prices, IUnitOfWork unitOfWork, PriceBookLoader loader)
    : ICommandHandler<DeletePriceCommand>
{
    public async ValueTask<Unit> Handle(DeletePriceCommand command, CancellationToken cancellationToken)
    {
        var price = await prices.FindAsync(command.ProviderType, command.Model, cancellationToken)
            ?? throw AppException.NotFound($"No price override for {command.ProviderType} model \"{command.Model}\".");
        prices.Remove(price);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await loader.LoadAsync(cancellationToken);
        return Unit.Value;
    }
}

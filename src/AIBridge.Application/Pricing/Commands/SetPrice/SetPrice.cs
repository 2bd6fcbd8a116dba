using AIBridge.Application.Common.Authorization;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Interfaces;
using AIBridge.Application.Common.Security;
using AIBridge.Domain.Common;
using AIBridge.Domain.Pricing;
using Mediator;

namespace AIBridge.Application.Pricing.Commands.SetPrice;

/// <summary>
/// `PUT /api/v2/aibridge/prices/{provider_type}/{model}`: stores an override, which wins over the shipped
/// price from now on; rows already written keep their cost. Owners only.
/// </summary>
public sealed record SetPriceCommand(Actor Caller, string ProviderType, string Model, long? Input, long? Output, long? CacheRead, long? CacheWrite, long? CacheWrite1h)
    : ICommand<PriceDto>, IAuthorizedMessage
{
    public AppException? Authorize() => Caller.IsOwner ? null : AppException.Forbidden();
}

public sealed class SetPriceCommandHandler(IPriceRepository prices, IUnitOfWork unitOfWork, PriceBookLoader loader, TimeProvider clock)
    : ICommandHandler<SetPriceCommand, PriceDto>
{
    public async ValueTask<PriceDto> Handle(SetPriceCommand command, CancellationToken cancellationToken)
    {
        var price = await prices.FindAsync(command.ProviderType, command.Model, cancellationToken);
        if (price is null)
        {
            price = new ModelPrice { ProviderType = command.ProviderType, Model = command.Model };
            prices.Add(price);
        }

        price.InputMicros = command.Input;
        price.OutputMicros = command.Output;
        price.CacheReadMicros = command.CacheRead;
        price.CacheWriteMicros = command.CacheWrite;
        price.CacheWrite1hMicros = command.CacheWrite1h;
        price.UpdatedAt = Timestamp.Now(clock);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await loader.LoadAsync(cancellationToken);
        return PriceDto.From(new PriceEntry(price, PriceSource.Override));
    }
}

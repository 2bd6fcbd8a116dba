using AIBridge.Application.Common.Authorization;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Security;
using Mediator;

namespace AIBridge.Application.Pricing.Queries.ListPrices;

/// <summary>`GET /api/v2/aibridge/prices`: every price in force. Owners and auditors.</summary>
public sealed record ListPricesQuery(Actor Caller) : IQuery<PriceListDto>, IAuthorizedMessage
{
    public AppException? Authorize() => Caller.CanReadInterceptions ? null : AppException.Forbidden();
}

public sealed class ListPricesQueryHandler(PriceCatalog catalog) : IQueryHandler<ListPricesQuery, PriceListDto>
{
    public ValueTask<PriceListDto> Handle(ListPricesQuery query, CancellationToken cancellationToken)
    {
        var book = catalog.Current;
        return ValueTask.FromResult(new PriceListDto(book.Defaults.AsOf, book.Defaults.Sources, PriceListDto.MicroUsdPerMillion,
            book.Entries.Select(PriceDto.From).ToList()));
    }
}

using AIBridge.Application.Pricing;
using AIBridge.Application.Pricing.Commands.DeletePrice;
using AIBridge.Application.Pricing.Commands.SetPrice;
using AIBridge.Application.Pricing.Queries.ListPrices;
using AIBridge.Web.Contracts;
using AIBridge.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AIBridge.Web.Controllers;

/// <summary>The price book that costs each token-usage row when it is written.</summary>
[Route("api/v2/aibridge/prices")]
public sealed class PricesController : ApiControllerBase
{
    /// <summary>Every price in force: the shipped defaults and the overrides over them. Owners and auditors.</summary>
    [HttpGet]
    [ProducesResponseType<PriceListDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<PriceListDto>> List(CancellationToken cancellationToken) =>
        await Sender.Send(new ListPricesQuery(Caller), cancellationToken);

    /// <summary>
    /// Sets the price of a model (or of every model whose name starts with <c>{model}-</c>). It wins over
    /// the shipped price from now on; rows already written keep their cost. Owners only.
    /// </summary>
    [HttpPut("{provider_type}/{**model}")]
    [ProducesResponseType<PriceDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<PriceDto>> Set([FromRoute(Name = "provider_type")] string providerType, string model, SetPriceRequest request,
        CancellationToken cancellationToken) =>
        await Sender.Send(new SetPriceCommand(Caller, providerType, model, request.Input, request.Output, request.CacheRead, request.CacheWrite,
            request.CacheWrite1h), cancellationToken);

    /// <summary>Removes an override; the shipped price, if there is one, is in force again. Owners only.</summary>
    [HttpDelete("{provider_type}/{**model}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Delete([FromRoute(Name = "provider_type")] string providerType, string model, CancellationToken cancellationToken)
    {
        await Sender.Send(new DeletePriceCommand(Caller, providerType, model), cancellationToken);
        return NoContent();
    }
}

using AIBridge.Application.Providers;
using AIBridge.Application.Providers.Commands.CreateProvider;
using AIBridge.Application.Providers.Commands.DeleteProvider;
using AIBridge.Application.Providers.Commands.UpdateProvider;
using AIBridge.Application.Providers.Queries.GetProvider;
using AIBridge.Application.Providers.Queries.ListProviders;
using AIBridge.Web.Contracts;
using AIBridge.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AIBridge.Web.Controllers;

/// <summary>
/// The upstream providers: those configured in AIBridge settings (read-only here) and those added through
/// this API, whose changes are in force without a restart. Keys are write-only: only their masks are shown.
/// </summary>
[Route("api/v2/aibridge/providers")]
public sealed class ProvidersController : ApiControllerBase
{
    /// <summary>Every provider with its status and its keys' states in the answering process. Owners and auditors.</summary>
    [HttpGet]
    [ProducesResponseType<ProviderListDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<ProviderListDto>> List(CancellationToken cancellationToken) =>
        await Sender.Send(new ListProvidersQuery(Caller), cancellationToken);

    /// <summary>One provider. Owners and auditors.</summary>
    [HttpGet("{name}")]
    [ProducesResponseType<ProviderDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ProviderDto>> Get(string name, CancellationToken cancellationToken) =>
        await Sender.Send(new GetProviderQuery(Caller, name), cancellationToken);

    /// <summary>Adds a provider; its routes answer at once here and within seconds in every other AIBridge process. Owners only.</summary>
    [HttpPost]
    [ProducesResponseType<ProviderDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<ProviderDto>> Create(CreateProviderRequest request, CancellationToken cancellationToken)
    {
        var created = await Sender.Send(new CreateProviderCommand(Caller, request.Name, request.Type, request.DisplayName, request.Enabled, request.BaseUrl,
            ProviderKeyRequest.Inputs(request.ApiKeys), request.SettingsText()), cancellationToken);
        return CreatedAtAction(nameof(Get), new { name = created.Name }, created);
    }

    /// <summary>Changes a provider added through the API: enable or disable it, rotate its keys, change its URL or settings. Owners only.</summary>
    [HttpPatch("{name}")]
    [ProducesResponseType<ProviderDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<ProviderDto>> Update(string name, UpdateProviderRequest request, CancellationToken cancellationToken) =>
        await Sender.Send(new UpdateProviderCommand(Caller, name, request.DisplayName, request.Enabled, request.BaseUrl,
            ProviderKeyRequest.Inputs(request.ApiKeys), request.SettingsText()), cancellationToken);

    /// <summary>Deletes a provider added through the API, and its keys. Owners only.</summary>
    [HttpDelete("{name}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Delete(string name, CancellationToken cancellationToken)
    {
        await Sender.Send(new DeleteProviderCommand(Caller, name), cancellationToken);
        return NoContent();
    }
}

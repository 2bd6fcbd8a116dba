using AIBridge.Application.Audit.Queries.ListClients;
using AIBridge.Application.Audit.Queries.ListModels;
using AIBridge.Web.Infrastructure;
using AIBridge.Web.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace AIBridge.Web.Controllers;

/// <summary>The models and clients seen in completed interceptions, for filter pickers.</summary>
[Route("api/v2/aibridge")]
public sealed class CatalogController : ApiControllerBase
{
    /// <summary>Distinct models, sorted ordinally; <c>q</c> is a literal prefix (<c>model:</c> or a bare word).</summary>
    [HttpGet("models")]
    [QueryParameter("q", typeof(string), "A literal prefix of the model (model:… or bare words).")]
    [QueryParameter("limit", typeof(int), "Page size, 1 to 1000 (0 or absent: 100).")]
    [QueryParameter("offset", typeof(int), "Rows to skip.")]

    [InternalErrorMessage("Internal error getting AI Bridge models.")]
    [ProducesResponseType<IReadOnlyList<string>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<string>>> Models(CancellationToken cancellationToken) =>
        Ok(await Sender.Send(new ListModelsQuery(Caller, Request.Query.ToQueryParameters()), cancellationToken));

    /// <summary>Distinct clients ("Unknown" for none), sorted ordinally; <c>q</c> is a literal prefix.</summary>
    [HttpGet("clients")]
    [QueryParameter("q", typeof(string), "A literal prefix of the client (client:… or bare words).")]
    [QueryParameter("limit", typeof(int), "Page size, 1 to 1000 (0 or absent: 100).")]
    [QueryParameter("offset", typeof(int), "Rows to skip.")]

    [InternalErrorMessage("Internal error getting AI Bridge clients.")]
    [ProducesResponseType<IReadOnlyList<string>>(StatusCodes.Status200OK)]
    public async Task<ActionResult<IReadOnlyList<string>>> Clients(CancellationToken cancellationToken) =>
        Ok(await Sender.Send(new ListClientsQuery(Caller, Request.Query.ToQueryParameters()), cancellationToken));
}

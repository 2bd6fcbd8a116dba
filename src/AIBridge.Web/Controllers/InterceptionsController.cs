using AIBridge.Application.Audit.Dtos;
using AIBridge.Application.Audit.Queries.ListInterceptions;
using AIBridge.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AIBridge.Web.Controllers;

/// <summary>Every recorded upstream request, newest first.</summary>
[Route("api/v2/aibridge/interceptions")]
public sealed class InterceptionsController : ApiControllerBase
{
    /// <summary>
    /// Completed interceptions with their token usages, prompts and tool calls. <c>q</c> keys:
    /// initiator (bare words), provider, model, client, started_after, started_before.
    /// </summary>
    [HttpGet]
    [InternalErrorMessage("Internal error getting AI Bridge interceptions.")]
    [ProducesResponseType<InterceptionsPage>(StatusCodes.Status200OK)]
    public async Task<ActionResult<InterceptionsPage>> List(CancellationToken cancellationToken) =>
        Ok(await Sender.Send(new ListInterceptionsQuery(Caller, Request.Query.ToQueryParameters()), cancellationToken));
}

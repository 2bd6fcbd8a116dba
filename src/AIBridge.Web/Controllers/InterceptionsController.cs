using AIBridge.Application.Audit.Dtos;
using AIBridge.Application.Audit.Queries.ListInterceptions;
using AIBridge.Web.Infrastructure;
using AIBridge.Web.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace AIBridge.Web.Controllers;

/// <summary>Every recorded upstream request, newest first.</summary>
[Route("api/v2/aibridge/interceptions")]
public sealed class InterceptionsController : ApiControllerBase
{
    /// <summary>
    /// Completed interceptions with their token usages, prompts and tool calls. <c>q</c> keys:
    /// initiator (bare words), provider, model, client, status (completed or failed), started_after, started_before.
    /// </summary>
    [HttpGet]
    [QueryParameter("q", typeof(string), "Search: initiator (bare words), provider, model, client, status (completed or failed), started_after, started_before; e.g. <c>provider:anthropic started_after:\"2025-01-01T00:00:00Z\"</c>.")]
    [QueryParameter("limit", typeof(int), "Page size, 1 to 1000 (0 or absent: 100).")]
    [QueryParameter("offset", typeof(int), "Rows to skip.")]
    [QueryParameter("after_id", typeof(Guid), "Cursor: the page after this interception (not with offset).")]
    [InternalErrorMessage("Internal error getting AI Bridge interceptions.")]
    [ProducesResponseType<InterceptionsPage>(StatusCodes.Status200OK)]
    public async Task<ActionResult<InterceptionsPage>> List(CancellationToken cancellationToken) =>
        Ok(await Sender.Send(new ListInterceptionsQuery(Caller, Request.Query.ToQueryParameters()), cancellationToken));
}

using AIBridge.Application.Audit.Cache;
using AIBridge.Application.Audit.Dtos;
using AIBridge.Application.Audit.Queries.GetSessionCache;
using AIBridge.Application.Audit.Queries.GetSessionThreads;
using AIBridge.Application.Audit.Queries.ListSessions;
using AIBridge.Web.Infrastructure;
using AIBridge.Web.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace AIBridge.Web.Controllers;

/// <summary>Interceptions grouped into sessions, and one session's threads.</summary>
[Route("api/v2/aibridge/sessions")]
public sealed class SessionsController : ApiControllerBase
{
    /// <summary>
    /// Sessions by latest activity. <c>q</c> keys: initiator, provider, model, client, session_id, status,
    /// started_after, started_before (no bare words). Pages by <c>offset</c> or <c>after_session_id</c>.
    /// </summary>
    [HttpGet]
    [QueryParameter("q", typeof(string), "Search: initiator, provider, model, client, session_id, status (sessions with a failed or a completed interception), started_after, started_before (no bare words).")]
    [QueryParameter("limit", typeof(int), "Page size, 1 to 1000 (0 or absent: 100).")]
    [QueryParameter("offset", typeof(int), "Rows to skip.")]
    [QueryParameter("after_session_id", typeof(string), "Cursor: the page after this session id (not with offset).")]
    [InternalErrorMessage("Internal error getting AI Bridge sessions.")]
    [ProducesResponseType<SessionsPage>(StatusCodes.Status200OK)]
    public async Task<ActionResult<SessionsPage>> List(CancellationToken cancellationToken) =>
        Ok(await Sender.Send(new ListSessionsQuery(Caller, Request.Query.ToQueryParameters()), cancellationToken));

    /// <summary>One session's threads, oldest first, paged by <c>after_id</c> or <c>before_id</c> (limit 1–200, default 50).</summary>
    /// <param name="sessionId">A client session id or an interception UUID, percent-encoded (<c>%2F</c> included).</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    [HttpGet("{session_id}")]
    [QueryParameter("after_id", typeof(Guid), "Cursor: threads after this interception of the session.")]
    [QueryParameter("before_id", typeof(Guid), "Cursor: the threads right before this interception of the session.")]
    [QueryParameter("limit", typeof(int), "Threads per page, 1 to 200 (default 50).")]
    [InternalErrorMessage("Internal error fetching session.")]
    [ProducesResponseType<SessionThreadsDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<SessionThreadsDto>> Threads([FromRoute(Name = "session_id")] string sessionId, CancellationToken cancellationToken) =>
        Ok(await Sender.Send(new GetSessionThreadsQuery(Caller, HttpContext.RawLastPathSegment() ?? sessionId, Request.Query.ToQueryParameters()), cancellationToken));

    /// <summary>
    /// How the session used the provider's prompt cache: hit ratio per turn and overall, and each cache bust
    /// with its likely reason (<c>ttl_expired</c>, <c>system_changed</c>, <c>tools_changed</c>,
    /// <c>prefix_changed</c>) and what it cost. Who may read it: as for the session's threads.
    /// </summary>
    /// <param name="sessionId">A client session id or an interception UUID, percent-encoded (<c>%2F</c> included).</param>
    /// <param name="cancellationToken">Aborts with the request.</param>
    [HttpGet("{session_id}/cache")]
    [InternalErrorMessage("Internal error fetching session cache use.")]
    [ProducesResponseType<SessionCacheDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<SessionCacheDto>> Cache([FromRoute(Name = "session_id")] string sessionId, CancellationToken cancellationToken) =>
        Ok(await Sender.Send(new GetSessionCacheQuery(Caller, HttpContext.RawLastPathSegment(fromEnd: 1) ?? sessionId), cancellationToken));
}

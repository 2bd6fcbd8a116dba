using System.Text;
using AIBridge.Application.Usage;
using AIBridge.Application.Usage.Queries.GetUsage;
using AIBridge.Web.Contracts;
using AIBridge.Web.Infrastructure;
using AIBridge.Web.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace AIBridge.Web.Controllers;

/// <summary>Usage and cost, summed from the hourly roll-up: totals, intervals, groups and leaderboards.</summary>
[Route("api/v2/aibridge/usage")]
public sealed class UsageController : ApiControllerBase
{
    /// <summary>
    /// Totals and buckets over a window (default: the last 30 days, at most 400), by interval and up to two
    /// of user, provider, model and client. Owners and auditors see everyone; members only themselves.
    /// </summary>
    [HttpGet]
    [QueryParameter("q", typeof(string), "Search: initiator, provider, model, client, started_after, started_before (no bare words).")]
    [QueryParameter("interval", typeof(string), "hour, day (default), week (ISO, from Monday), month or none.")]
    [QueryParameter("group_by", typeof(string), "Up to two of user, provider, model, client, comma-separated.")]
    [QueryParameter("tz", typeof(string), "IANA time zone of the intervals' boundaries (default UTC); its offset must be whole hours in the window.")]
    [QueryParameter("order_by", typeof(string), "Ranks the groups: cost (default), tokens or interceptions, highest first; ties by key.")]
    [QueryParameter("limit", typeof(int), "How many groups to report, 1 to 1000 (0 or absent: 100).")]
    [InternalErrorMessage("Internal error getting AI Bridge usage.")]
    [ProducesResponseType<UsageReportDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<UsageReportDto>> Get(CancellationToken cancellationToken) =>
        Ok(await Sender.Send(new GetUsageQuery(Caller, Request.Query.ToQueryParameters()), cancellationToken));

    /// <summary>The same report as CSV (RFC 4180): a header line, then one line per bucket.</summary>
    [HttpGet("export")]
    [QueryParameter("q", typeof(string), "As for the report.")]
    [QueryParameter("interval", typeof(string), "As for the report.")]
    [QueryParameter("group_by", typeof(string), "As for the report.")]
    [QueryParameter("tz", typeof(string), "As for the report.")]
    [QueryParameter("order_by", typeof(string), "As for the report.")]
    [QueryParameter("limit", typeof(int), "As for the report.")]
    [InternalErrorMessage("Internal error getting AI Bridge usage.")]
    [Produces("text/csv", "application/json")]
    [ProducesResponseType<FileContentResult>(StatusCodes.Status200OK, "text/csv")]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    public async Task<IActionResult> Export(CancellationToken cancellationToken)
    {
        var report = await Sender.Send(new GetUsageQuery(Caller, Request.Query.ToQueryParameters()), cancellationToken);
        return File(Encoding.UTF8.GetBytes(UsageCsv.Write(report)), "text/csv; charset=utf-8", "aibridge-usage.csv");
    }
}

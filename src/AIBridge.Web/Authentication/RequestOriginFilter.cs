using AIBridge.Application.Common.Security;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AIBridge.Web.Authentication;

/// <summary>Tells the request's handlers where it came from, for the security log; API actions only, so the gateway pays nothing.</summary>
public sealed class RequestOriginFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<RequestOrigin>().ClientIp = context.HttpContext.Connection.RemoteIpAddress?.ToString();

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}

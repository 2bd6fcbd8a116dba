using AIBridge.Application.Gateway.Errors;
using AIBridge.Application.Gateway.Providers;

namespace AIBridge.Web.Gateway;

public static class GatewayErrorWriter
{
    /// <summary>Answers with the gateway's own error, in the provider's JSON format, unless the response already started.</summary>
    public static async Task WriteAsync(this HttpContext context, GatewayError error, ProviderType type)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }

        var body = error.Body(type);
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        if (error.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (!error.SdkRetryCanHelp)
        {
            // The SDKs (Claude Code among them) otherwise retry for minutes before showing the error.
            context.Response.Headers["x-should-retry"] = "false";
        }

        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}

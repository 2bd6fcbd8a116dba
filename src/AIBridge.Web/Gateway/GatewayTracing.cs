using System.Diagnostics;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Application.Gateway.Requests;
using AIBridge.Application.Gateway.Telemetry;
using Attributes = AIBridge.Application.Gateway.Telemetry.GatewaySpans.Attributes;

namespace AIBridge.Web.Gateway;

/// <summary>Starts the gateway's spans with the request's attributes; every method is a null check when tracing is off.</summary>
internal static class GatewayTracing
{
    /// <summary>The root of a bridged request's spans, under ASP.NET Core's span for the request (which continues the client's trace).</summary>
    public static Activity? StartIntercept(HttpContext context, GatewayCall call)
    {
        var activity = GatewaySpans.Source.StartActivity(GatewaySpans.Intercept);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Attributes.RequestPath, context.Request.Path.Value);
            activity.SetTag(Attributes.Provider, call.Provider.Name);
            activity.SetTag(Attributes.UserId, call.Actor.UserId.ToString());
            activity.SetTag(Attributes.ApiKeyId, call.Actor.ApiKeyId);
            activity.SetTag(Attributes.GenAiSystem, call.Family.Name());
        }

        return activity;
    }

    /// <summary>The body was read: the model and whether it streams.</summary>
    public static void Inspected(Activity? intercept, BridgedRequest request)
    {
        if (intercept is { IsAllDataRequested: true })
        {
            intercept.SetTag(Attributes.Model, request.Model);
            intercept.SetTag(Attributes.Streaming, request.Streaming);
            intercept.SetTag(Attributes.GenAiRequestModel, request.Model);
        }
    }

    /// <summary>Refused before its recording started (a bad body, a spent budget, a limit): the answer's status marks the span.</summary>
    public static void Refused(Activity? intercept, int status)
    {
        if (intercept is { IsAllDataRequested: true })
        {
            intercept.SetTag(Attributes.StatusCode, status);
            intercept.SetTag(Attributes.ErrorType, "refused");
            intercept.SetStatus(ActivityStatusCode.Error, $"refused with {status}");
        }
    }

    public static Activity? Start(string span) => GatewaySpans.Source.StartActivity(span);

    public static Activity? StartPassthrough(HttpContext context, HttpRequestMessage upstream)
    {
        var activity = GatewaySpans.Source.StartActivity(GatewaySpans.Passthrough);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Attributes.PassthroughUrl, context.Request.Path.Value + context.Request.QueryString.Value);
            activity.SetTag(Attributes.PassthroughMethod, context.Request.Method);
            activity.SetTag(Attributes.PassthroughUpstreamUrl, upstream.RequestUri?.ToString());
        }

        return activity;
    }
}

using AIBridge.Application.Common.Security;
using AIBridge.Application.Gateway.Credentials;
using AIBridge.Application.Gateway.Errors;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Application.Gateway.Routing;
using AIBridge.Application.Gateway;
using AIBridge.Web.Authentication;
using AIBridge.Web.Infrastructure;

namespace AIBridge.Web.Gateway;

/// <summary>
/// Turns a request on a provider route into a <see cref="GatewayCall"/>, or the error that refuses it:
/// a path that could reach another route, shutdown, a missing or bad credential, an unknown route.
/// </summary>
public sealed class GatewayResolver(
    GatewayAuthenticator authenticator, GatewayOptions options, IHostApplicationLifetime lifetime, ISecurityLog securityLog)
{
    public async Task<(GatewayCall? Call, GatewayError? Error)> ResolveAsync(HttpContext context, ProviderInstance provider)
    {
        var request = context.Request;
        if (RequestPath.Refusal(context.RawPath() ?? request.Path.Value ?? "") is { } refusal)
        {
            return (null, GatewayError.InvalidPath(refusal));
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return (null, GatewayError.ShuttingDown());
        }

        var correlationId = request.Headers[GatewayHeaders.GovernanceRequestId].ToString();
        request.Headers.Remove(GatewayHeaders.GovernanceRequestId);
        var caller = CallerCredentials.From(GatewayHandler.Header(request));
        var alwaysByok = ProviderKinds.IsAlwaysByok(provider.Kind);
        if (caller.Byok && !options.AllowBYOK && !alwaysByok)
        {
            return (null, GatewayError.ByokDisabled());
        }

        if (alwaysByok && (!caller.Byok || CallerCredentials.BearerToken(request.Headers.Authorization) is null))
        {
            // The user's own Copilot token travels in Authorization, so the AIBridge token needs the other header.
            var reason = $"provider \"{provider.Name}\" needs your AIBridge token in {GatewayHeaders.GovernanceToken} and your Copilot token in Authorization: Bearer";
            LogAuthenticationFailed(context, provider, reason, null);
            return (null, GatewayError.Unauthenticated(reason));
        }

        if (caller.Token is null)
        {
            LogAuthenticationFailed(context, provider, "no authentication key provided", null);
            return (null, GatewayError.Unauthenticated("no authentication key provided"));
        }

        var authentication = await authenticator.AuthenticateAsync(caller.Token, context.RequestAborted);
        if (authentication.Actor is not { } actor)
        {
            LogAuthenticationFailed(context, provider, authentication.Unavailable ? "authentication is temporarily unavailable" : authentication.Failure!,
                authentication, caller.Token);
            return (null, authentication.Unavailable ? GatewayError.AuthUnavailable() : GatewayError.Unauthenticated(authentication.Failure!));
        }

        RequestBody.RaiseServerLimit(context, options.MaxRequestBodyBytes);
        var path = request.Path.Value ?? "";
        var prefix = path.StartsWith(GatewayHandler.AiGatewayPrefix, StringComparison.OrdinalIgnoreCase) ? GatewayHandler.AiGatewayPrefix : GatewayHandler.Prefix;
        var rest = path[(prefix.Length + provider.Name.Length)..];
        return GatewayRoute.Match(provider, request.Method, rest) is { } route
            ? (new GatewayCall(provider, route, caller, actor, correlationId), null)
            : (null, GatewayError.RouteNotSupported(request.Method, path));
    }

    private void LogAuthenticationFailed(HttpContext context, ProviderInstance provider, string reason, GatewayAuthentication? authentication, string? token = null) =>
        securityLog.Write(new SecurityEvent(SecurityEvents.AuthenticationFailed, Failure: true, UserId: authentication?.KeyUserId,
            Username: authentication?.KeyUsername, TokenId: SecurityLog.TokenId(token), Reason: $"gateway {provider.Name}: {reason}",
            ClientIp: context.Connection.RemoteIpAddress?.ToString()));
}

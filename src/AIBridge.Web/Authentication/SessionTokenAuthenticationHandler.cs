using System.Security.Claims;
using System.Text.Encodings.Web;
using AIBridge.Application.Authentication;
using AIBridge.Application.Common.Security;
using AIBridge.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AIBridge.Web.Authentication;

/// <summary>
/// Authenticates API requests with an AIBridge token and answers failures with Coder's 401 bodies.
/// </summary>
public sealed partial class SessionTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyAuthenticator authenticator,
    ISecurityLog securityLog)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "SessionToken";

    private AuthenticationFailure? _failure;
    private (AuthenticationResult Result, string Token)? _refused;
    private Exception? _error;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = SessionTokenSources.Find(Request);
        if (token is null)
        {
            _failure = AuthenticationFailure.NoToken;
            return AuthenticateResult.NoResult();
        }

        AuthenticationResult result;
        try
        {
            result = await authenticator.AuthenticateAsync(token, Context.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = ex;
            LogAuthenticationError(Logger, ex);
            return AuthenticateResult.Fail(ex);
        }

        if (result.Actor is not { } actor)
        {
            _failure = result.Failure;
            _refused = (result, token);
            return AuthenticateResult.Fail(result.Failure!.Reason);
        }

        Context.SetActor(actor);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, actor.UserId.ToString()), new(ClaimTypes.Name, actor.Username) };
        claims.AddRange(actor.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_error is not null)
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Response.WriteAsJsonAsync(new ErrorResponse(ApiExceptionHandler.DefaultInternalError, _error.Message), ApiJson.Options, ApiJson.ContentType);
        }

        // Logged here, where the request is refused: anonymous endpoints authenticate too, and a missing token is fine there.
        var failure = _failure ?? AuthenticationFailure.NoToken;
        LogFailure(failure.Reason, _refused?.Result, _refused?.Token);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Response.WriteAsJsonAsync(new ErrorResponse(failure.Message, failure.Detail), ApiJson.Options, ApiJson.ContentType);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var body = new ErrorResponse(Application.Common.Exceptions.Messages.Forbidden, Application.Common.Exceptions.Messages.ForbiddenDetail);
        return Response.WriteAsJsonAsync(body, ApiJson.Options, ApiJson.ContentType);
    }

    private void LogFailure(string reason, AuthenticationResult? result, string? token) =>
        securityLog.Write(new SecurityEvent(SecurityEvents.AuthenticationFailed, Failure: true, UserId: result?.KeyUserId, Username: result?.KeyUsername,
            TokenId: SecurityLog.TokenId(token), Reason: $"api {Request.Method} {Request.Path}: {reason}", ClientIp: Context.Connection.RemoteIpAddress?.ToString()));

    [LoggerMessage(Level = LogLevel.Error, Message = "Token validation failed")]
    private static partial void LogAuthenticationError(ILogger logger, Exception exception);
}

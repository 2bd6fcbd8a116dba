namespace AIBridge.Application.Common.Security;

/// <summary>
/// One line of the security log: who did what to whom, from where. Never a secret: a token appears only
/// by its id (the part before the dash), and only once it parsed as an AIBridge token.
/// </summary>
/// <param name="Name">See <see cref="SecurityEvents"/>.</param>
/// <param name="Failure">Whether the event is a refusal (logged as a warning).</param>
public sealed record SecurityEvent(
    string Name,
    bool Failure = false,
    Guid? UserId = null,
    string? Username = null,
    Guid? SubjectUserId = null,
    string? TokenId = null,
    string? Reason = null,
    string? ClientIp = null);

public static class SecurityEvents
{
    public const string LoginSucceeded = "login_succeeded";
    public const string LoginFailed = "login_failed";
    public const string Logout = "logout";
    public const string TokenCreated = "token_created";
    public const string TokenDeleted = "token_deleted";
    public const string RolesChanged = "roles_changed";
    public const string UserSuspended = "user_suspended";
    public const string UserActivated = "user_activated";
    public const string PasswordChanged = "password_changed";
    public const string AuthenticationFailed = "authentication_failed";
}

/// <summary>Writes security events where operators collect them (the log, as structured lines).</summary>
public interface ISecurityLog
{
    void Write(SecurityEvent securityEvent);
}

/// <summary>Where the current API request came from, for the security log; filled by the web layer.</summary>
public sealed class RequestOrigin
{
    public string? ClientIp { get; set; }
}

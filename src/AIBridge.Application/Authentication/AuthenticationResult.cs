using AIBridge.Application.Common.Security;

namespace AIBridge.Application.Authentication;

/// <summary>The outcome of checking a token: an actor, or why not (and whose key it was, when the key exists).</summary>
public sealed record AuthenticationResult(Actor? Actor, AuthenticationFailure? Failure, Guid? KeyUserId = null, string? KeyUsername = null)
{
    public static AuthenticationResult Success(Actor actor) => new(actor, null);

    public static AuthenticationResult Fail(AuthenticationFailure failure, ApiKeys.ApiKeyCredential? key = null) => new(null, failure, key?.UserId, key?.Username);
}

/// <summary>
/// <see cref="Message"/> and <see cref="Detail"/> are the API's 401 body; the gateway, which answers in
/// the provider's format, shows <see cref="Reason"/>: the detail, or the message when there is none.
/// </summary>
public sealed record AuthenticationFailure(string Message, string? Detail)
{
    public const string SignedOut = "You are signed out or your session has expired. Please sign in again to continue.";

    public string Reason => Detail ?? Message;

    public static AuthenticationFailure Because(string detail) => new(SignedOut, detail);

    public static AuthenticationFailure NoToken { get; } =
        Because("Cookie \"coder_session_token\" or query parameter must be provided.");

    public static AuthenticationFailure Inactive(string status) =>
        new($"User is not active (status = \"{status}\"). Contact an admin to reactivate your account.", null);
}

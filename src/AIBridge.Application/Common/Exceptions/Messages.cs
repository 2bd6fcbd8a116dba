namespace AIBridge.Application.Common.Exceptions;

/// <summary>User-facing messages shared by several use cases (Coder-compatible wording).</summary>
public static class Messages
{
    public const string ValidationFailed = "Validation failed.";
    public const string Forbidden = "Forbidden.";
    public const string ForbiddenDetail =
        "You don't have permission to view this content. If you believe this is a mistake, please contact your administrator or try signing in with different credentials.";
    public const string UnknownUser = "\"user\" must be an existing uuid or username.";
}

using AIBridge.Domain.Interceptions;

namespace AIBridge.Application.Gateway.Recording;

/// <summary>How an interception ended: the status the client was sent (NULL when none was) and, for a failure, its kind and message.</summary>
public sealed record InterceptionOutcome(int? StatusCode, string? ErrorType = null, string? ErrorMessage = null)
{
    public bool Failed => ErrorType is not null;

    public static InterceptionOutcome Completed(int statusCode) => new(statusCode);

    public static InterceptionOutcome Failure(int? statusCode, string errorType, string message) =>
        new(statusCode, errorType, RecordedText.Clean(RecordedText.Cut(message, Interception.ErrorMessageMaxLength)));
}

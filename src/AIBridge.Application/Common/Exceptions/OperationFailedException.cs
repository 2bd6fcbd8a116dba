namespace AIBridge.Application.Common.Exceptions;

/// <summary>
/// An unexpected failure of one step of a request, named for that step: the API answers 500 with
/// <see cref="Exception.Message"/> and, unless <see cref="HideDetail"/>, the cause's text as detail.
/// </summary>
public sealed class OperationFailedException(string message, Exception cause, bool hideDetail = false) : Exception(message, cause)
{
    public bool HideDetail { get; } = hideDetail;

    /// <summary>Runs one step; an unexpected error becomes an <see cref="OperationFailedException"/> named <paramref name="failureMessage"/>.</summary>
    public static async Task<T> Guard<T>(string failureMessage, Func<Task<T>> step, bool hideDetail = false)
    {
        try
        {
            return await step();
        }
        catch (Exception e) when (e is not (AppException or OperationCanceledException or OperationFailedException))
        {
            throw new OperationFailedException(failureMessage, e, hideDetail);
        }
    }
}

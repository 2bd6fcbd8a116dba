using AIBridge.Application.Common.Exceptions;
using Microsoft.AspNetCore.Diagnostics;

namespace AIBridge.Web.Infrastructure;

/// <summary>
/// The one exception-to-response mapping of the API. Expected failures carry their own message;
/// anything else is a 500 naming the operation, with the error text but never a stack trace.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public const string DefaultInternalError = "An internal error occurred. Please try again or contact the system administrator.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        var (status, body) = exception switch
        {
            AppException app => (StatusFor(app.Kind), ErrorResponse.From(app)),
            OperationFailedException failed => (StatusCodes.Status500InternalServerError,
                new ErrorResponse(failed.Message, failed.HideDetail ? null : failed.InnerException?.Message)),
            BadHttpRequestException bad => (bad.StatusCode, new ErrorResponse(bad.Message)),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (499, new ErrorResponse("Request cancelled.")),
            _ => (StatusCodes.Status500InternalServerError, new ErrorResponse(OperationMessage(httpContext), exception.Message)),
        };

        if (status >= 500)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        await httpContext.Response.WriteAsJsonAsync(body, ApiJson.Options, ApiJson.ContentType, cancellationToken);
        return true;
    }

    public static int StatusFor(ProblemKind kind) => kind switch
    {
        ProblemKind.BadRequest => StatusCodes.Status400BadRequest,
        ProblemKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static string OperationMessage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<InternalErrorMessageAttribute>()?.Message ?? DefaultInternalError;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}

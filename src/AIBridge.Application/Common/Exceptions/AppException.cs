namespace AIBridge.Application.Common.Exceptions;

/// <summary>
/// An expected failure with a user-facing message. One handler in the web layer renders every one of
/// them as <c>{"message","detail","validations"}</c>; handlers never build HTTP responses themselves.
/// </summary>
public class AppException : Exception
{
    public AppException(ProblemKind kind, string message, string? detail = null, IReadOnlyList<ValidationError>? validations = null)
        : base(message)
    {
        Kind = kind;
        Detail = detail;
        Validations = validations ?? [];
    }

    public ProblemKind Kind { get; }

    public string? Detail { get; }

    public IReadOnlyList<ValidationError> Validations { get; }

    public static AppException BadRequest(string message, string? detail = null, IReadOnlyList<ValidationError>? validations = null) =>
        new(ProblemKind.BadRequest, message, detail, validations);

    public static AppException NotFound(string message, string? detail = null) => new(ProblemKind.NotFound, message, detail);

    public static AppException Conflict(string message, IReadOnlyList<ValidationError>? validations = null) =>
        new(ProblemKind.Conflict, message, validations: validations);

    public static AppException Forbidden(string message = Messages.Forbidden, string? detail = Messages.ForbiddenDetail) =>
        new(ProblemKind.Forbidden, message, detail);

    public static AppException Unauthorized(string message, string? detail = null) => new(ProblemKind.Unauthorized, message, detail);
}

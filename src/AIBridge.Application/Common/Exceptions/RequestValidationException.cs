namespace AIBridge.Application.Common.Exceptions;

/// <summary>Thrown by the validation behaviour with every failure of the request at once.</summary>
public sealed class RequestValidationException(string message, string? detail, IReadOnlyList<ValidationError> validations)
    : AppException(ProblemKind.BadRequest, message, detail, validations);

namespace AIBridge.Application.Common.Exceptions;

/// <summary>Thrown by the validation behaviour with every failure of the request at once.</summary>
public sealed class RequestValidationException(string message, IReadOnlyList<ValidationError> validations)
    : AppException(ProblemKind.BadRequest, message, validations: validations);

namespace AIBridge.Application.Common.Validation;

/// <summary>
/// Set as a FluentValidation failure's <c>CustomState</c> when a failure needs its own envelope
/// message (and detail) rather than the validator's <see cref="RequestValidator{T}.FailureMessage"/>,
/// e.g. "Invalid pagination limit value." beside "Query parameters have invalid values.".
/// A failure with an empty property name contributes its envelope but no <c>validations</c> entry.
/// </summary>
public sealed record ErrorEnvelope(string Message, string? Detail = null);

using FluentValidation;

namespace AIBridge.Application.Common.Validation;

/// <summary>
/// A FluentValidation validator that also names the envelope <c>message</c> of its failures, since
/// each endpoint of the API has its own (e.g. "Validation failed.", "Invalid session search query.").
/// </summary>
public abstract class RequestValidator<T> : AbstractValidator<T>
{
    public virtual string FailureMessage => Exceptions.Messages.ValidationFailed;
}

using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Validation;
using FluentValidation;
using Mediator;

namespace AIBridge.Application.Common.Behaviours;

/// <summary>
/// Runs every validator of a message before its handler and reports all failures together, so a
/// client fixes a request in one round trip. Bad input never reaches a handler.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators.ToArray();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (_validators.Length == 0)
        {
            return await next(message, cancellationToken);
        }

        var context = new ValidationContext<TMessage>(message);
        ErrorEnvelope? envelope = null;
        var errors = new List<ValidationError>();
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
            foreach (var failure in result.Errors)
            {
                var failureEnvelope = failure.CustomState as ErrorEnvelope
                    ?? new ErrorEnvelope((validator as RequestValidator<TMessage>)?.FailureMessage ?? Messages.ValidationFailed);
                envelope ??= failureEnvelope;
                if (failureEnvelope == envelope && !string.IsNullOrEmpty(failure.PropertyName))
                {
                    errors.Add(new ValidationError(failure.PropertyName, failure.ErrorMessage));
                }
            }
        }

        if (envelope is not null)
        {
            throw new RequestValidationException(envelope.Message, envelope.Detail, errors);
        }

        return await next(message, cancellationToken);
    }
}

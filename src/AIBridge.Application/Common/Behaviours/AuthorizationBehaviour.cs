using AIBridge.Application.Common.Authorization;
using Mediator;

namespace AIBridge.Application.Common.Behaviours;

/// <summary>Runs before validation (see <see cref="IAuthorizedMessage"/>).</summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IAuthorizedMessage authorized && authorized.Authorize() is { } denial)
        {
            throw denial;
        }

        return next(message, cancellationToken);
    }
}

using AIBridge.Application.ApiKeys;
using AIBridge.Application.ApiKeys.Commands.DeleteApiKey;
using AIBridge.Application.Common.Security;
using Mediator;

namespace AIBridge.Application.Users.Commands.Logout;

/// <summary>Ends the caller's session: the key the request authenticated with is deleted.</summary>
public sealed record LogoutCommand(Actor Caller) : ICommand;

public sealed class LogoutCommandHandler(IApiKeyRepository keys, IEnumerable<IApiKeyRevocationListener> listeners, ISecurityLog log, RequestOrigin origin)
    : ICommandHandler<LogoutCommand>
{
    public async ValueTask<Unit> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        await keys.DeleteAsync(command.Caller.UserId, command.Caller.ApiKeyId, cancellationToken);
        foreach (var listener in listeners)
        {
            listener.Revoked(command.Caller.ApiKeyId);
        }

        log.Write(new SecurityEvent(SecurityEvents.Logout, UserId: command.Caller.UserId, Username: command.Caller.Username, TokenId: command.Caller.ApiKeyId,
            ClientIp: origin.ClientIp));
        return Unit.Value;
    }
}

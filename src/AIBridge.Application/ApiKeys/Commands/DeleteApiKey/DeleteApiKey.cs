using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Security;
using Mediator;

namespace AIBridge.Application.ApiKeys.Commands.DeleteApiKey;

public sealed record DeleteApiKeyCommand(Actor Caller, string User, string KeyId) : ICommand;

/// <summary>Notified when a key is deleted, so caches that hold it drop it at once.</summary>
public interface IApiKeyRevocationListener
{
    void Revoked(string keyId);
}

public sealed class DeleteApiKeyCommandHandler(
    TokenAccess access, IApiKeyRepository keys, IEnumerable<IApiKeyRevocationListener> listeners, ISecurityLog log, RequestOrigin origin)
    : ICommandHandler<DeleteApiKeyCommand>
{
    public async ValueTask<Unit> Handle(DeleteApiKeyCommand command, CancellationToken cancellationToken)
    {
        var user = await access.ResolveOwnerAsync(command.User, command.Caller, cancellationToken);
        if (!await keys.DeleteAsync(user.Id, command.KeyId, cancellationToken))
        {
            throw AppException.NotFound("Resource not found or you do not have access to this resource");
        }

        foreach (var listener in listeners)
        {
            listener.Revoked(command.KeyId);
        }

        log.Write(new SecurityEvent(SecurityEvents.TokenDeleted, UserId: command.Caller.UserId, Username: command.Caller.Username, SubjectUserId: user.Id,
            TokenId: command.KeyId, ClientIp: origin.ClientIp));
        return Unit.Value;
    }
}

using AIBridge.Application.ApiKeys;
using AIBridge.Application.ApiKeys.Commands.DeleteApiKey;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Interfaces;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Common.Validation;
using Mediator;

namespace AIBridge.Application.Users.Commands.ChangePassword;

/// <summary>
/// Sets a user's password: one's own with the old password, anyone's as an owner. The user's other
/// login sessions end (named tokens stay): whoever knew the old password is signed out.
/// </summary>
public sealed record ChangePasswordCommand(Actor Caller, string User, string? OldPassword, string? Password) : ICommand;

public sealed class ChangePasswordCommandValidator : RequestValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator() => RuleFor(x => x.Password).Required();
}

public sealed class ChangePasswordCommandHandler(
    UserLookup lookup, IApiKeyRepository keys, IUnitOfWork unitOfWork, IPasswordHasher hasher, IEnumerable<IApiKeyRevocationListener> listeners,
    ISecurityLog log, RequestOrigin origin, TimeProvider clock)
    : ICommandHandler<ChangePasswordCommand>
{
    public async ValueTask<Unit> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await lookup.ResolveAsync(command.User, command.Caller, cancellationToken);
        var self = user.Id == command.Caller.UserId;
        if (!self && !command.Caller.IsOwner)
        {
            throw AppException.Forbidden();
        }

        if (self && (string.IsNullOrEmpty(command.OldPassword) || !hasher.Verify(user.HashedPassword, command.OldPassword)))
        {
            log.Write(new SecurityEvent(SecurityEvents.PasswordChanged, Failure: true, UserId: command.Caller.UserId, Username: command.Caller.Username,
                SubjectUserId: user.Id, TokenId: command.Caller.ApiKeyId, Reason: "old password incorrect", ClientIp: origin.ClientIp));
            throw AppException.BadRequest("Old password is incorrect.",
                validations: [new ValidationError("old_password", "Old password is incorrect.")]);
        }

        PasswordPolicy.Enforce(command.Password!);
        user.ChangePassword(hasher.Hash(command.Password!), clock.GetUtcNow().UtcDateTime);
        var ended = await keys.DeleteLoginSessionsAsync(user.Id, except: self ? command.Caller.ApiKeyId : null, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        foreach (var keyId in ended)
        {
            foreach (var listener in listeners)
            {
                listener.Revoked(keyId);
            }
        }

        log.Write(new SecurityEvent(SecurityEvents.PasswordChanged, UserId: command.Caller.UserId, Username: command.Caller.Username, SubjectUserId: user.Id,
            TokenId: command.Caller.ApiKeyId, Reason: $"{ended.Count} other session(s) ended", ClientIp: origin.ClientIp));
        return Unit.Value;
    }
}

using AIBridge.Application.Common.Authorization;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Interfaces;
using AIBridge.Application.Common.Security;
using AIBridge.Domain.Users;
using Mediator;

namespace AIBridge.Application.Users.Commands.UpdateUserStatus;

/// <summary>Suspends a user (none of their tokens works any more, on the API or the gateway) or activates them again. Owners only.</summary>
public sealed record UpdateUserStatusCommand(Actor Caller, string User, string Status) : ICommand<UserDto>, IAuthorizedMessage
{
    public AppException? Authorize() => Caller.IsOwner ? null : AppException.Forbidden();
}

/// <summary>Notified when a user is suspended or activated, so caches holding their tokens drop them at once.</summary>
public interface IUserStatusListener
{
    void StatusChanged(Guid userId);
}

public sealed class UpdateUserStatusCommandHandler(
    UserLookup lookup, IUnitOfWork unitOfWork, IEnumerable<IUserStatusListener> listeners, ISecurityLog log, RequestOrigin origin, TimeProvider clock)
    : ICommandHandler<UpdateUserStatusCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(UpdateUserStatusCommand command, CancellationToken cancellationToken)
    {
        var user = await lookup.ResolveAsync(command.User, command.Caller, cancellationToken);
        if (user.Id == command.Caller.UserId && command.Status == UserStatus.Suspended)
        {
            throw AppException.BadRequest("You cannot suspend yourself.");
        }

        user.SetStatus(command.Status, clock.GetUtcNow().UtcDateTime);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        foreach (var listener in listeners)
        {
            listener.StatusChanged(user.Id);
        }

        log.Write(new SecurityEvent(command.Status == UserStatus.Suspended ? SecurityEvents.UserSuspended : SecurityEvents.UserActivated,
            UserId: command.Caller.UserId, Username: command.Caller.Username, SubjectUserId: user.Id, TokenId: command.Caller.ApiKeyId,
            ClientIp: origin.ClientIp));
        return UserDto.From(user);
    }
}

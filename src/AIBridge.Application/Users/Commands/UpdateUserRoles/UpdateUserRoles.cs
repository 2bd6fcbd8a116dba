using AIBridge.Application.Common.Authorization;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Interfaces;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Common.Validation;
using AIBridge.Domain.Users;
using FluentValidation;
using Mediator;

namespace AIBridge.Application.Users.Commands.UpdateUserRoles;

/// <summary>Replaces a user's site roles; <c>[]</c> makes a plain member.</summary>
public sealed record UpdateUserRolesCommand(Actor Caller, string User, IReadOnlyList<string>? Roles)
    : ICommand<UserDto>, IAuthorizedMessage
{
    public AppException? Authorize() => Caller.IsOwner ? null : AppException.Forbidden();
}

public sealed class UpdateUserRolesCommandValidator : RequestValidator<UpdateUserRolesCommand>
{
    public UpdateUserRolesCommandValidator()
    {
        RuleFor(x => x.Roles).NotNull().WithMessage(UserRules.TagFailure("required", ""));
        RuleFor(x => x.Roles).Custom((roles, context) =>
        {
            foreach (var role in (roles ?? []).Where(r => !SiteRole.IsKnown(r)).Distinct(StringComparer.Ordinal))
            {
                context.AddFailure("roles", $"Unknown role \"{role}\". Allowed roles: {string.Join(", ", SiteRole.All)}.");
            }
        });
    }
}

public sealed class UpdateUserRolesCommandHandler(UserLookup lookup, IUnitOfWork unitOfWork, ISecurityLog log, RequestOrigin origin, TimeProvider clock)
    : ICommandHandler<UpdateUserRolesCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(UpdateUserRolesCommand command, CancellationToken cancellationToken)
    {
        var user = await lookup.ResolveAsync(command.User, command.Caller, cancellationToken);
        if (user.Id == command.Caller.UserId)
        {
            throw AppException.BadRequest("You cannot change your own roles.");
        }

        var before = string.Join(",", user.Roles);
        user.ReplaceRoles(command.Roles!, clock.GetUtcNow().UtcDateTime);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        log.Write(new SecurityEvent(SecurityEvents.RolesChanged, UserId: command.Caller.UserId, Username: command.Caller.Username, SubjectUserId: user.Id,
            TokenId: command.Caller.ApiKeyId, Reason: $"[{before}] -> [{string.Join(",", user.Roles)}]", ClientIp: origin.ClientIp));
        return UserDto.From(user);
    }
}

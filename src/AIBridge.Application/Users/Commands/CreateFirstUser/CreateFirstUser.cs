using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Interfaces;
using AIBridge.Domain.Users;
using Mediator;

namespace AIBridge.Application.Users.Commands.CreateFirstUser;

/// <summary>Creates the first user, an owner. Only while no user exists.</summary>
public sealed record CreateFirstUserCommand(string? Email, string? Username, string? Password, string? Name)
    : ICommand<CreateFirstUserResult>, INewUser;

public sealed record CreateFirstUserResult(Guid UserId);

public sealed class CreateFirstUserCommandValidator : NewUserValidator<CreateFirstUserCommand>;

public sealed class CreateFirstUserCommandHandler(IUserRepository users, IPasswordHasher hasher, TimeProvider clock)
    : ICommandHandler<CreateFirstUserCommand, CreateFirstUserResult>
{
    private const string AlreadyCreated = "The initial user has already been created.";

    public async ValueTask<CreateFirstUserResult> Handle(CreateFirstUserCommand command, CancellationToken cancellationToken)
    {
        if (await users.AnyAsync(cancellationToken))
        {
            throw AppException.Conflict(AlreadyCreated);
        }

        PasswordPolicy.Enforce(command.Password!);
        var user = User.Create(command.Username!, command.Email!, command.Name ?? "", hasher.Hash(command.Password!), [SiteRole.Owner], clock.GetUtcNow().UtcDateTime);
        if (!await users.TryAddFirstAsync(user, cancellationToken))
        {
            throw AppException.Conflict(AlreadyCreated);
        }

        return new CreateFirstUserResult(user.Id);
    }
}

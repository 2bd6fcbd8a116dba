using AIBridge.Application.Common.Authorization;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Interfaces;
using AIBridge.Application.Common.Security;
using AIBridge.Domain.Users;
using Mediator;

namespace AIBridge.Application.Users.Commands.CreateUser;

/// <summary>An owner creates a plain member.</summary>
public sealed record CreateUserCommand(Actor Caller, string? Email, string? Username, string? Password, string? Name)
    : ICommand<UserDto>, INewUser, IAuthorizedMessage
{
    public AppException? Authorize() =>
        Caller.IsOwner ? null : AppException.Forbidden("You are not authorized to create users.", detail: null);
}

public sealed class CreateUserCommandValidator : NewUserValidator<CreateUserCommand>;

public sealed class CreateUserCommandHandler(IUserRepository users, IUnitOfWork unitOfWork, IPasswordHasher hasher, TimeProvider clock)
    : ICommandHandler<CreateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        if (await users.UsernameOrEmailTakenAsync(command.Username!, command.Email!, cancellationToken))
        {
            throw AppException.Conflict("User already exists.");
        }

        PasswordPolicy.Enforce(command.Password!);
        var user = User.Create(command.Username!, command.Email!, command.Name ?? "", hasher.Hash(command.Password!), [], clock.GetUtcNow().UtcDateTime);
        users.Add(user);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return UserDto.From(user);
    }
}

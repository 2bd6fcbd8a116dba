using AIBridge.Application.ApiKeys;
using AIBridge.Application.Authentication;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Interfaces;
using AIBridge.Application.Common.Validation;
using AIBridge.Domain.ApiKeys;
using FluentValidation;
using Mediator;

namespace AIBridge.Application.Users.Commands.Login;

/// <summary>Exchanges e-mail and password for a session token (an API key of login type <c>password</c>).</summary>
public sealed record LoginCommand(string? Email, string? Password) : ICommand<LoginResult>;

public sealed record LoginResult(string SessionToken, DateTime ExpiresAt);

public sealed class LoginCommandValidator : RequestValidator<LoginCommand>
{
    public LoginCommandValidator()
    {
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop).Required().ValidEmail();
        RuleFor(x => x.Password).Required();
    }
}

public sealed class LoginCommandHandler(
    IUserRepository users, IApiKeyRepository keys, IUnitOfWork unitOfWork, IPasswordHasher hasher, AuthSettings settings, TimeProvider clock)
    : ICommandHandler<LoginCommand, LoginResult>
{
    // Verifying against a real hash when the e-mail is unknown keeps both failures equally slow,
    // so response time does not reveal which accounts exist.
    private static string? s_decoyHash;

    public async ValueTask<LoginResult> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(command.Email!, cancellationToken);
        var verified = hasher.Verify(user?.HashedPassword ?? (s_decoyHash ??= hasher.Hash(Guid.NewGuid().ToString())), command.Password!);
        if (user is null || !verified)
        {
            throw AppException.Unauthorized("Incorrect email or password.");
        }

        var token = ApiKeyToken.Generate();
        var key = ApiKey.Issue(token, user.Id, LoginType.Password, tokenName: null, settings.SessionLifetime, clock.GetUtcNow().UtcDateTime);
        keys.Add(key);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new LoginResult(token.Value, key.ExpiresAt);
    }
}

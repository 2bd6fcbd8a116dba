using AIBridge.Application.ApiKeys;
using AIBridge.Application.Authentication;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Interfaces;
using AIBridge.Application.Common.Validation;
using AIBridge.Application.Common.Security;
using AIBridge.Domain.ApiKeys;
using AIBridge.Domain.Users;
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
    IUserRepository users, IApiKeyRepository keys, IUnitOfWork unitOfWork, IPasswordHasher hasher, AuthSettings settings, ISecurityLog log,
    RequestOrigin origin, TimeProvider clock)
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
            log.Write(new SecurityEvent(SecurityEvents.LoginFailed, Failure: true, UserId: user?.Id, Username: user?.Username,
                Reason: user is null ? "unknown e-mail" : "wrong password", ClientIp: origin.ClientIp));
            throw AppException.Unauthorized("Incorrect email or password.");
        }

        if (user.Status != UserStatus.Active)
        {
            log.Write(new SecurityEvent(SecurityEvents.LoginFailed, Failure: true, UserId: user.Id, Username: user.Username, Reason: "user " + user.Status,
                ClientIp: origin.ClientIp));
            throw AppException.Unauthorized($"Your account is {user.Status}. Contact an admin to reactivate your account.");
        }

        var token = ApiKeyToken.Generate();
        var key = ApiKey.Issue(token, user.Id, LoginType.Password, tokenName: null, settings.SessionLifetime, clock.GetUtcNow().UtcDateTime);
        keys.Add(key);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        log.Write(new SecurityEvent(SecurityEvents.LoginSucceeded, UserId: user.Id, Username: user.Username, TokenId: token.Id, ClientIp: origin.ClientIp));
        return new LoginResult(token.Value, key.ExpiresAt);
    }
}

using AIBridge.Application.Authentication;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Interfaces;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Common.Time;
using AIBridge.Application.Common.Validation;
using AIBridge.Application.Users;
using AIBridge.Domain.ApiKeys;
using FluentValidation;
using Mediator;

namespace AIBridge.Application.ApiKeys.Commands.CreateToken;

/// <summary>Creates a named token; the plain key is in the result and nowhere else.</summary>
public sealed record CreateTokenCommand(Actor Caller, string User, string? TokenName, TokenLifetimeValue? Lifetime)
    : ICommand<CreateTokenResult>;

public sealed record CreateTokenResult(string Key);

public sealed class CreateTokenCommandValidator : RequestValidator<CreateTokenCommand>
{
    public const int TokenNameMaxLength = 64;

    public CreateTokenCommandValidator()
    {
        RuleFor(x => x.TokenName)
            .MaximumLength(TokenNameMaxLength)
            .WithMessage((_, value) => UserRules.TagFailure("max", value))
            .Must(v => v is null || !UserRules.HasControlCharacters(v))
            .WithMessage((_, value) => UserRules.TagFailure("printascii", value));
    }
}

public sealed class CreateTokenCommandHandler(
    TokenAccess access, IApiKeyRepository keys, IUnitOfWork unitOfWork, AuthSettings settings, ISecurityLog log, RequestOrigin origin, TimeProvider clock)
    : ICommandHandler<CreateTokenCommand, CreateTokenResult>
{
    private const string LifetimeFailure = "Failed to validate create API key request.";

    public async ValueTask<CreateTokenResult> Handle(CreateTokenCommand command, CancellationToken cancellationToken)
    {
        var user = await access.ResolveOwnerAsync(command.User, command.Caller, cancellationToken);
        var lifetime = ResolveLifetime(command.Lifetime);

        var name = command.TokenName;
        if (string.IsNullOrEmpty(name))
        {
            do
            {
                name = GenerateName();
            }
            while (await keys.TokenNameExistsAsync(user.Id, name, cancellationToken));
        }
        else if (await keys.TokenNameExistsAsync(user.Id, name, cancellationToken))
        {
            throw DuplicateName(name);
        }

        var token = ApiKeyToken.Generate();
        keys.Add(ApiKey.Issue(token, user.Id, LoginType.Token, name, lifetime, clock.GetUtcNow().UtcDateTime));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        log.Write(new SecurityEvent(SecurityEvents.TokenCreated, UserId: command.Caller.UserId, Username: command.Caller.Username, SubjectUserId: user.Id,
            TokenId: token.Id, Reason: $"token \"{name}\", lifetime {lifetime.TotalHours:0.##} h", ClientIp: origin.ClientIp));
        return new CreateTokenResult(token.Value);
    }

    private TimeSpan ResolveLifetime(TokenLifetimeValue? value)
    {
        double seconds;
        if (value is null || (value.Duration is "" && !value.Invalid))
        {
            seconds = 0;
        }
        else if (value.Seconds is { } number && double.IsFinite(number))
        {
            seconds = number;
        }
        else if (value.Duration is { } text && GoDuration.TryParse(text, out var parsed))
        {
            seconds = parsed.TotalSeconds;
        }
        else
        {
            throw AppException.BadRequest(LifetimeFailure, "lifetime must be a duration such as \"720h\" or a number of seconds");
        }

        if (seconds == 0)
        {
            return settings.DefaultTokenLifetime;
        }

        if (seconds < 0)
        {
            throw AppException.BadRequest(LifetimeFailure, "lifetime must be positive number greater than 0");
        }

        if (seconds > settings.MaxTokenLifetime.TotalSeconds)
        {
            throw AppException.BadRequest(LifetimeFailure, $"lifetime must be less than {GoDuration.Format(settings.MaxTokenLifetime)}");
        }

        return TimeSpan.FromSeconds(seconds);
    }

    private static AppException DuplicateName(string name) => AppException.Conflict(
        $"A token with name \"{name}\" already exists.",
        [new ValidationError("name", "This value is already in use and should be unique.")]);

    private static string GenerateName() =>
        "token-" + System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 8);
}

using AIBridge.Application.Common.Authorization;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Common.Validation;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Domain.Common;
using AIBridge.Domain.Providers;
using FluentValidation;
using Mediator;

namespace AIBridge.Application.Providers.Commands.CreateProvider;

/// <summary>
/// `POST /api/v2/aibridge/providers`: adds a provider, in force at once in this process and within
/// seconds in the others. Owners only.
/// </summary>
public sealed record CreateProviderCommand(
    Actor Caller, string? Name, string? Type, string? DisplayName, bool? Enabled, string? BaseUrl, IReadOnlyList<ProviderKeyInput>? ApiKeys,
    string? Settings) : ICommand<ProviderDto>, IAuthorizedMessage
{
    public AppException? Authorize() => Caller.IsOwner ? null : AppException.Forbidden();
}

internal sealed class CreateProviderValidator : RequestValidator<CreateProviderCommand>
{
    public CreateProviderValidator()
    {
        ProviderRules.Name(RuleFor(c => c.Name));
        RuleFor(c => c.Type).Must(t => ProviderKinds.Family(t) is not null).WithMessage($"Type must be one of: {ProviderKinds.Allowed}.");
        RuleFor(c => c.DisplayName).MaximumLength(StoredProvider.DisplayNameMaxLength);
        RuleFor(c => c.BaseUrl).MaximumLength(StoredProvider.BaseUrlMaxLength);
        RuleFor(c => c.Settings).MaximumLength(StoredProvider.SettingsMaxLength);
        ProviderRules.Keys(RuleFor(c => c.ApiKeys), idsAllowed: false);
        RuleFor(c => c).Custom((c, context) =>
        {
            foreach (var error in ProviderRules.ForType(c.Type ?? "", c.BaseUrl, c.Settings, c.ApiKeys?.Count ?? 0))
            {
                context.AddFailure(error.Field, error.Detail);
            }
        });
    }
}

public sealed class CreateProviderCommandHandler(
    IProviderRepository providers, ISecretProtector protector, ProviderCatalog catalog, ProviderCatalogLoader loader,
    TimeProvider clock) : ICommandHandler<CreateProviderCommand, ProviderDto>
{
    public async ValueTask<ProviderDto> Handle(CreateProviderCommand command, CancellationToken cancellationToken)
    {
        if (catalog.IsConfigured(command.Name!))
        {
            throw AppException.Conflict($"Provider \"{command.Name}\" is configured in AIBridge settings.");
        }

        var (settings, keys) = (command.Settings, command.ApiKeys ?? []);
        if (command.Type == ProviderKinds.Bedrock)
        {
            (settings, var secret) = BedrockSecret.Split(command.Settings);
            var bedrock = ProviderTypeSettings.Parse(command.Type, settings).Settings!.Bedrock!;
            ProviderRules.Throw(BedrockSecret.Check(bedrock, secret is not null) is { } error ? [error] : []);
            keys = BedrockSecret.Keys(null, secret, bedrock);
        }

        var now = Timestamp.Now(clock);
        var provider = new StoredProvider
        {
            Id = Guid.CreateVersion7(),
            Name = command.Name!,
            Type = command.Type!,
            DisplayName = string.IsNullOrWhiteSpace(command.DisplayName) ? null : command.DisplayName.Trim(),
            Enabled = command.Enabled ?? true,
            BaseUrl = string.IsNullOrWhiteSpace(command.BaseUrl) ? null : command.BaseUrl.Trim(),
            Settings = settings,
            CreatedAt = now,
            UpdatedAt = now,
        };
        provider.Keys = ProviderKeys.Pool(provider, keys, protector, now);
        if (!await providers.TryAddAsync(provider, cancellationToken))
        {
            throw AppException.Conflict($"Provider \"{command.Name}\" already exists.");
        }

        await loader.LoadAsync(cancellationToken);
        return ProviderDto.From(provider, catalog.FindStored(provider.Name), now);
    }
}

using AIBridge.Application.Common.Authorization;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Interfaces;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Common.Validation;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Domain.Common;
using AIBridge.Domain.Providers;
using FluentValidation;
using Mediator;

namespace AIBridge.Application.Providers.Commands.UpdateProvider;

/// <summary>
/// `PATCH /api/v2/aibridge/providers/{name}`: changes what is given and keeps the rest. <c>api_keys</c>, when
/// given, is the whole pool: keys listed by id are kept, new ones added, the others deleted. A configured
/// provider is read-only here. Owners only.
/// </summary>
/// <param name="BaseUrl">An empty string returns to the type's default.</param>
/// <param name="Settings">The whole settings object; an empty string clears them.</param>
public sealed record UpdateProviderCommand(
    Actor Caller, string Name, string? DisplayName, bool? Enabled, string? BaseUrl, IReadOnlyList<ProviderKeyInput>? ApiKeys, string? Settings)
    : ICommand<ProviderDto>, IAuthorizedMessage
{
    public AppException? Authorize() => Caller.IsOwner ? null : AppException.Forbidden();
}

internal sealed class UpdateProviderValidator : RequestValidator<UpdateProviderCommand>
{
    public UpdateProviderValidator()
    {
        RuleFor(c => c.DisplayName).MaximumLength(StoredProvider.DisplayNameMaxLength);
        RuleFor(c => c.BaseUrl).MaximumLength(StoredProvider.BaseUrlMaxLength);
        RuleFor(c => c.Settings).MaximumLength(StoredProvider.SettingsMaxLength);
        ProviderRules.Keys(RuleFor(c => c.ApiKeys), idsAllowed: true);
    }
}

public sealed class UpdateProviderCommandHandler(
    IProviderRepository providers, IUnitOfWork unitOfWork, ISecretProtector protector, ProviderCatalog catalog, ProviderCatalogLoader loader,
    TimeProvider clock) : ICommandHandler<UpdateProviderCommand, ProviderDto>
{
    public async ValueTask<ProviderDto> Handle(UpdateProviderCommand command, CancellationToken cancellationToken)
    {
        var provider = await ProviderLookup.EditableAsync(providers, catalog, command.Name, cancellationToken);
        var baseUrl = command.BaseUrl is null ? provider.BaseUrl : string.IsNullOrWhiteSpace(command.BaseUrl) ? null : command.BaseUrl.Trim();
        var settings = command.Settings is null ? provider.Settings : command.Settings.Length == 0 ? null : command.Settings;
        List<ValidationError> errors = [.. ProviderRules.ForType(provider.Type, baseUrl, settings, command.ApiKeys?.Count ?? 0)];
        if (command.ApiKeys?.FirstOrDefault(k => k.Id is { } id && provider.Keys.All(existing => existing.Id != id)) is { } unknown)
        {
            errors.Add(new ValidationError("api_keys", $"Provider \"{provider.Name}\" has no API key {unknown.Id}."));
        }

        if (command.ApiKeys?.Where(k => k.Id is not null).GroupBy(k => k.Id).Any(g => g.Count() > 1) == true)
        {
            errors.Add(new ValidationError("api_keys", "Each kept key is listed once."));
        }

        var listed = command.ApiKeys;
        if (provider.Type == ProviderKinds.Bedrock && errors.Count == 0)
        {
            (settings, var secret) = BedrockSecret.Split(settings);
            var bedrock = ProviderTypeSettings.Parse(provider.Type, settings).Settings!.Bedrock!;
            var hasSecret = secret is not null || (provider.Keys.Count > 0 && bedrock.AccessKeyId is not null);
            if (BedrockSecret.Check(bedrock, hasSecret) is { } error)
            {
                errors.Add(error);
            }

            listed = BedrockSecret.Keys(provider, secret, bedrock);
        }

        ProviderRules.Throw(errors);
        var now = Timestamp.Now(clock);
        if (command.DisplayName is not null)
        {
            provider.DisplayName = string.IsNullOrWhiteSpace(command.DisplayName) ? null : command.DisplayName.Trim();
        }

        provider.Enabled = command.Enabled ?? provider.Enabled;
        provider.BaseUrl = baseUrl;
        provider.Settings = settings;
        if (listed is not null)
        {
            providers.ReplaceKeys(provider, ProviderKeys.Pool(provider, listed, protector, now));
        }

        // Always moves, even when nothing else did: every process rebuilds the provider, and so forgets its keys' states.
        provider.UpdatedAt = now > provider.UpdatedAt ? now : provider.UpdatedAt.AddTicks(10);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await loader.LoadAsync(cancellationToken);
        return ProviderDto.From(provider, catalog.FindStored(provider.Name), now);
    }
}

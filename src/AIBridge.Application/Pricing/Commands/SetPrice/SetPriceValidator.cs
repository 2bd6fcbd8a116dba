using AIBridge.Application.Common.Validation;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Domain.Pricing;
using FluentValidation;

namespace AIBridge.Application.Pricing.Commands.SetPrice;

internal sealed class SetPriceValidator : RequestValidator<SetPriceCommand>
{
    /// <summary>A million dollars per million tokens: far above any price, and far below an overflow of the cost sums.</summary>
    public const long MaxPrice = 1_000_000_000_000;

    private static readonly string[] ProviderTypes = [ProviderType.Anthropic.Name(), ProviderType.OpenAI.Name()];

    public SetPriceValidator()
    {
        RuleFor(c => c.ProviderType).Must(t => ProviderTypes.Contains(t))
            .WithMessage($"Provider type must be one of: {string.Join(", ", ProviderTypes)}.");
        RuleFor(c => c.Model).NotEmpty().MaximumLength(ModelPrice.ModelMaxLength);
        RuleFor(c => c.Input).InclusiveBetween(0, MaxPrice);
        RuleFor(c => c.Output).InclusiveBetween(0, MaxPrice);
        RuleFor(c => c.CacheRead).InclusiveBetween(0, MaxPrice);
        RuleFor(c => c.CacheWrite).InclusiveBetween(0, MaxPrice);
        RuleFor(c => c.CacheWrite1h).InclusiveBetween(0, MaxPrice).OverridePropertyName("cache_write_1h");
    }
}

using AIBridge.Application.ApiKeys;
using AIBridge.Application.Authentication;
using AIBridge.Application.Users;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace AIBridge.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Use-case services. The mediator itself is generated into, and registered by, the web project
    /// (the source generator belongs in the outermost assembly).
    /// </summary>
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        // Validation failures name the JSON field, which is snake_case on the wire.
        ValidatorOptions.Global.PropertyNameResolver = (_, member, expression) =>
            member is null ? null : JsonFieldName(member.Name);
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        services.AddScoped<UserLookup>();
        services.AddScoped<Audit.AuditListParser>();
        services.AddScoped<Usage.UsageRequestParser>();
        services.AddScoped<TokenAccess>();
        services.AddScoped<ApiKeyAuthenticator>();
        services.AddSingleton(new Pricing.PriceCatalog(Pricing.DefaultPrices.Shipped));
        services.AddScoped<Pricing.PriceBookLoader>();
        services.AddScoped<Providers.ProviderCatalogLoader>();
        services.AddScoped<Budgets.BudgetReader>();
        services.AddSingleton<Budgets.BudgetLedger>();
        return services;
    }

    private static string JsonFieldName(string memberName) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(memberName);
}

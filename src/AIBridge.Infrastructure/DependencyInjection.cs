using AIBridge.Application.ApiKeys;
using AIBridge.Application.Audit;
using AIBridge.Application.Audit.Retention;
using AIBridge.Application.Budgets;
using AIBridge.Application.Common.Interfaces;
using AIBridge.Application.Gateway.Recording;
using AIBridge.Application.Pricing;
using AIBridge.Application.Providers;
using AIBridge.Application.Common.Security;
using Microsoft.AspNetCore.DataProtection;
using AIBridge.Application.Usage;
using AIBridge.Application.Users;
using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Persistence.Providers;
using AIBridge.Infrastructure.Persistence.Repositories;
using AIBridge.Infrastructure.Recording;
using AIBridge.Infrastructure.Retention;
using AIBridge.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AIBridge.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructureServices(this IServiceCollection services, IConfiguration configuration)
    {
        var (provider, connectionString) = DatabaseSettings.Read(configuration);
        var contextType = DatabaseOptions.ContextType(provider);
        var createContext = DatabaseOptions.Factory(provider, connectionString);
        services.Add(new ServiceDescriptor(contextType, _ => createContext(), ServiceLifetime.Scoped));
        services.AddScoped(sp => (AIBridgeDbContext)sp.GetRequiredService(contextType));
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<AIBridgeDbContext>());
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<Recovery.RestartRecovery>();
        services.AddScoped<Pricing.PriceBookStartup>();
        services.AddScoped<Providers.ProviderCatalogStartup>();

        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<IApiKeyRepository, ApiKeyRepository>();
        services.AddScoped<IAuditReadRepository, AuditReadRepository>();
        services.AddScoped<IPriceRepository, PriceRepository>();
        services.AddScoped<IUsageRepository, UsageRepository>();
        services.AddScoped<IBudgetRepository, BudgetRepository>();
        services.AddScoped<IProviderRepository, ProviderRepository>();
        services.AddSingleton<IBudgetSpendSource, Budgets.BudgetSpendSource>();
        services.AddSingleton<IPasswordHasher, PasswordHasher>();
        services.AddSingleton(TimeProvider.System);

        if (provider == DatabaseProvider.Sqlite)
        {
            // A default, registered before the host binds AIBridge:Recording, which still overrides it:
            // SQLite pays per commit (log pages, checkpoints), so larger batches go further there (ADR 0013).
            services.Configure<RecordingOptions>(o => o.BatchSize = RecordingOptions.SqliteBatchSize);

            // Not a default: SQLite has one write lock, a second writer would only wait for it.
            services.PostConfigure<RecordingOptions>(o => o.Writers = 1);
        }

        services.AddSingleton(new RecorderDatabase(provider, connectionString));
        services.AddSingleton<RecordQueue>();
        services.AddSingleton<IRecorder>(sp => sp.GetRequiredService<RecordQueue>());
        services.AddSingleton<RecordWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<RecordWriter>());

        services.AddSingleton(RetentionSettings(configuration));
        services.AddScoped<IInterceptionRetentionStore, InterceptionRetentionStore>();
        services.AddScoped<RetentionSweep>();
        services.AddHostedService<RetentionJob>();
        services.AddHostedService<Pricing.PriceBookRefresh>();
        services.AddHostedService<Budgets.BudgetsRefresh>();
        services.AddHostedService<Providers.ProviderCatalogRefresh>();

        // One key ring for every process on the database: each decrypts the provider keys another stored.
        services.AddDataProtection().SetApplicationName("AIBridge").PersistKeysToDbContext<AIBridgeDbContext>();
        services.AddSingleton<ISecretProtector, Providers.DataProtectionSecretProtector>();
        return services;
    }

    private static RetentionOptions RetentionSettings(IConfiguration configuration)
    {
        var options = configuration.GetSection("AIBridge").Get<RetentionOptions>() ?? new RetentionOptions();
        if (options.RetentionDays < 0)
        {
            throw new InvalidOperationException(
                $"AIBridge:RetentionDays is {options.RetentionDays}: use a number of days, or 0 to keep every interception.");
        }

        return options;
    }
}

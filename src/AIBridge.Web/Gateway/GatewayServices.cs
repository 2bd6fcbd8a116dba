using AIBridge.Application.ApiKeys.Commands.DeleteApiKey;
using AIBridge.Application.Budgets;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Gateway;
using AIBridge.Application.Gateway.Credentials;
using AIBridge.Application.Gateway.Limits;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Application.Gateway.Recording;
using AIBridge.Application.Gateway.Recovery;
using AIBridge.Application.Users.Commands.UpdateUserStatus;
using AIBridge.Infrastructure.Limits;
using AIBridge.Infrastructure.Recording;
using AIBridge.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AIBridge.Web.Gateway;

public static partial class GatewayServices
{
    /// <summary>Providers, options, the token cache, the upstream clients and the handler.</summary>
    public static IServiceCollection AddGateway(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("AIBridge");
        var options = Settings.Read<GatewayOptions>(section);
        services.AddSingleton(options);
        services.AddSingleton(GatewayInstance.From(options.InstanceId, configuration["urls"] ?? DependencyInjection.DefaultUrl));
        services.Configure<RecordingOptions>(section.GetSection("Recording"));
        services.AddSingleton(BudgetSettings(section.GetSection("Budgets")));
        var limits = LimitSettings(section.GetSection("Limits"));
        if (limits.Redis is { Length: > 0 } redis)
        {
            services.AddSingleton<ISharedRateBuckets>(sp => new RedisRateBuckets(redis, sp.GetRequiredService<ILogger<RedisRateBuckets>>()));
        }

        services.AddSingleton(sp => new RequestLimiter(limits, sp.GetService<ISharedRateBuckets>()));
        if (options.InterceptionLogs)
        {
            // The gateway's records pass through the log on their way to the queue; the writers still read the queue itself.
            services.Replace(ServiceDescriptor.Singleton<IRecorder>(sp =>
                new InterceptionLogRecorder(sp.GetRequiredService<RecordQueue>(), sp.GetRequiredService<ILogger<InterceptionLogRecorder>>())));
        }

        var providers = section.GetSection("Providers").GetChildren()
            .ToDictionary(p => p.Key, p => Settings.Read<ProviderSettings>(p), StringComparer.Ordinal);
        services.AddSingleton(ProviderCatalog.Create(providers, Environment.GetEnvironmentVariable));

        services.AddSingleton<GatewayAuthenticator>();
        services.AddSingleton<IApiKeyRevocationListener>(sp => sp.GetRequiredService<GatewayAuthenticator>());
        services.AddSingleton<IUserStatusListener>(sp => sp.GetRequiredService<GatewayAuthenticator>());
        services.AddSingleton<UpstreamClients>();
        services.AddSingleton<GatewayResolver>();
        services.AddSingleton<UpstreamSender>();
        services.AddSingleton<CircuitBreakers>();
        services.AddSingleton<GatewayHandler>();

        // In-flight requests get ShutdownTimeout; the recorder then flushes for up to ShutdownFlushTimeout.
        var recording = Settings.Read<RecordingOptions>(section.GetSection("Recording"));
        services.Configure<HostOptions>(o => o.ShutdownTimeout = recording.ShutdownTimeout + recording.ShutdownFlushTimeout);
        return services;
    }

    private static BudgetOptions BudgetSettings(IConfigurationSection section)
    {
        var budgets = Settings.Read<BudgetOptions>(section);
        if (budgets.DefaultMonthlyLimitMicros is < 0)
        {
            throw new ConfigurationException(
                $"invalid AIBridge:Budgets:DefaultMonthlyLimitMicros \"{budgets.DefaultMonthlyLimitMicros}\": use a whole number of micro-USD from 0 (50000000 is $50), or leave it unset for no default budget");
        }

        if (budgets.DefaultMaxOutputTokens <= 0)
        {
            throw new ConfigurationException(
                $"invalid AIBridge:Budgets:DefaultMaxOutputTokens \"{budgets.DefaultMaxOutputTokens}\": use a whole number of tokens above 0");
        }

        return budgets;
    }

    private static LimitsOptions LimitSettings(IConfigurationSection section)
    {
        var limits = Settings.Read<LimitsOptions>(section);
        foreach (var (name, value) in new[] { ("RequestsPerMinutePerUser", limits.RequestsPerMinutePerUser), ("MaxConcurrentPerUser", limits.MaxConcurrentPerUser),
                     ("MaxConcurrent", limits.MaxConcurrent) })
        {
            if (value is < 1)
            {
                throw new ConfigurationException($"invalid AIBridge:Limits:{name} \"{value}\": use a whole number from 1, or leave it unset for no limit");
            }
        }

        return limits;
    }

    /// <summary>Logs each provider that has no central key: its centralized calls reach the upstream without one and are refused there.</summary>
    public static void WarnAboutMissingKeys(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GatewayServices).FullName!);
        // Copilot and Bedrock hold no key, and an OpenAI-compatible server may need none.
        foreach (var provider in app.Services.GetRequiredService<ProviderCatalog>().Configured
                     .Where(p => string.IsNullOrEmpty(p.ApiKey) && p.Kind is ProviderKinds.Anthropic or ProviderKinds.OpenAI or ProviderKinds.Azure))
        {
            LogMissingKey(logger, provider.Name, provider.Kind switch
            {
                ProviderKinds.Anthropic => " or ANTHROPIC_API_KEY",
                ProviderKinds.OpenAI => " or OPENAI_API_KEY",
                _ => "",
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider \"{Provider}\" has no API key (AIBridge:Providers:{Provider}:ApiKey{Variable}): its centralized requests go upstream without a credential, and the provider's 401 is relayed")]
    private static partial void LogMissingKey(ILogger logger, string provider, string variable);

    /// <summary>The provider routes, and a JSON 404 for anything else under <c>/api/v2</c>.</summary>
    public static IEndpointRouteBuilder MapGateway(this IEndpointRouteBuilder endpoints)
    {
        var handler = endpoints.ServiceProvider.GetRequiredService<GatewayHandler>();
        endpoints.Map(GatewayHandler.Prefix + "{provider}/{**rest}", handler.HandleAsync).ExcludeFromDescription();
        endpoints.Map(GatewayHandler.AiGatewayPrefix + "{provider}/{**rest}", handler.HandleAsync).ExcludeFromDescription();
        endpoints.Map("/api/v2/{**path}", GatewayHandler.RouteNotFoundAsync).ExcludeFromDescription();
        return endpoints;
    }
}

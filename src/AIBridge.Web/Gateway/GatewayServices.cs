using AIBridge.Application.ApiKeys.Commands.DeleteApiKey;
using AIBridge.Application.Gateway;
using AIBridge.Application.Gateway.Credentials;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Application.Gateway.Recording;
using AIBridge.Application.Gateway.Recovery;
using AIBridge.Application.Users.Commands.UpdateUserStatus;

namespace AIBridge.Web.Gateway;

public static class GatewayServices
{
    /// <summary>Providers, options, the token cache, the upstream clients and the handler (bridge spec §2).</summary>
    public static IServiceCollection AddGateway(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("AIBridge");
        var options = section.Get<GatewayOptions>() ?? new GatewayOptions();
        services.AddSingleton(options);
        services.AddSingleton(GatewayInstance.From(options.InstanceId, configuration["urls"] ?? DependencyInjection.DefaultUrl));
        services.Configure<RecordingOptions>(section.GetSection("Recording"));

        var providers = section.GetSection("Providers").GetChildren()
            .ToDictionary(p => p.Key, p => p.Get<ProviderSettings>() ?? new ProviderSettings(), StringComparer.Ordinal);
        services.AddSingleton(ProviderCatalog.Create(providers, Environment.GetEnvironmentVariable));

        services.AddSingleton<GatewayAuthenticator>();
        services.AddSingleton<IApiKeyRevocationListener>(sp => sp.GetRequiredService<GatewayAuthenticator>());
        services.AddSingleton<IUserStatusListener>(sp => sp.GetRequiredService<GatewayAuthenticator>());
        services.AddSingleton<UpstreamClients>();
        services.AddSingleton<GatewayHandler>();

        // In-flight requests get ShutdownTimeout; the recorder then flushes for up to ShutdownFlushTimeout.
        var recording = section.GetSection("Recording").Get<RecordingOptions>() ?? new RecordingOptions();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = recording.ShutdownTimeout + recording.ShutdownFlushTimeout);
        return services;
    }

    /// <summary>The provider routes, and a JSON 404 for anything else under <c>/api/v2</c>.</summary>
    public static IEndpointRouteBuilder MapGateway(this IEndpointRouteBuilder endpoints)
    {
        var handler = endpoints.ServiceProvider.GetRequiredService<GatewayHandler>();
        endpoints.Map(GatewayHandler.Prefix + "{provider}/{**rest}", handler.HandleAsync).ExcludeFromDescription();
        endpoints.Map("/api/v2/{**path}", GatewayHandler.RouteNotFoundAsync).ExcludeFromDescription();
        return endpoints;
    }
}

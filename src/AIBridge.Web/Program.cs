using AIBridge.Application;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Infrastructure;
using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Pricing;
using AIBridge.Infrastructure.Providers;
using AIBridge.Infrastructure.Recovery;
using AIBridge.Web;
using AIBridge.Web.Dashboard;
using AIBridge.Web.Gateway;
using AIBridge.Web.Health;
using AIBridge.Web.OpenApi;
using AIBridge.Web.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

if (args is [HealthProbe.Command, ..])
{
    return await HealthProbe.RunAsync(args);
}

try
{
    // No configuration reload: nothing here reads options live, and the watcher it needs reacts to every
    // change in the content root, where the default SQLite database writes. A later argument still turns it back on.
    // The dashboard's files are found beside the app wherever it is started from: in wwwroot when
    // published, through the SDK's manifest of the project's wwwroot when built.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = ["--hostBuilder:reloadConfigOnChange=false", .. args],
        WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
    });
    builder.WebHost.UseStaticWebAssets();
    if (DocumentGeneration.IsRunning)
    {
        DocumentGeneration.UseDefaultsOnly(builder.Configuration);
    }

    if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
    {
        builder.WebHost.UseUrls(AIBridge.Web.DependencyInjection.DefaultUrl);
    }

    builder.Services.AddApplicationServices();
    builder.Services.AddInfrastructureServices(builder.Configuration);
    builder.AddWebServices();
    builder.Services.AddGateway(builder.Configuration);
    var metrics = builder.AddMetrics();
    builder.AddTracing();
    builder.Services.AddApiDocument();
    if (DocumentGeneration.IsRunning)
    {
        DocumentGeneration.WithoutBackgroundWork(builder.Services);
    }

    var app = builder.Build();

    // API endpoints authenticate through their authorization policy (see AddWebServices), so the
    // gateway's routes never pay for the API's token check (they have their own, cached).
    app.UseExceptionHandler();
    app.UseMetrics(metrics);

    // Only the document and its UI live under /swagger: the API's and the gateway's requests skip NSwag's
    // three middlewares, which cut a substring of every path.
    app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger"), swagger => swagger.UseOpenApi().UseSwaggerUi());
    app.UseAuthorization();

    app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
    app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
    app.MapControllers();
    app.MapGateway();
    app.MapDashboard();

    if (!DocumentGeneration.IsRunning)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(app.Lifetime.ApplicationStopping);
        }

        await scope.ServiceProvider.GetRequiredService<RestartRecovery>().EndLeftOpenAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<PriceBookStartup>().LoadAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<ProviderCatalogStartup>().LoadAsync(app.Lifetime.ApplicationStopping);
    }

    GatewayServices.WarnAboutMissingKeys(app);
    await app.RunAsync();
    return 0;
}
catch (ConfigurationException e)
{
    // A setting the operator must fix: one line naming it, no stack trace.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

/// <summary>Entry point; public so functional tests can host it.</summary>
public partial class Program;

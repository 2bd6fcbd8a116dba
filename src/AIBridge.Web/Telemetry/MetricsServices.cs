using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Application.Gateway.Telemetry;
using AIBridge.Infrastructure.Recording;
using AIBridge.Web.Infrastructure;
using OpenTelemetry.Metrics;

namespace AIBridge.Web.Telemetry;

/// <summary>
/// <c>/metrics</c> in the Prometheus text format: the gateway's and the recorder's instruments, and the
/// runtime's, ASP.NET Core's and HttpClient's own meters, through OpenTelemetry's Prometheus exporter.
/// </summary>
public static class MetricsServices
{
    public const string Path = "/metrics";

    /// <summary>The meters .NET and ASP.NET Core publish themselves: no instrumentation package needed.</summary>
    private static readonly string[] PlatformMeters =
        ["System.Runtime", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"];

    /// <summary>
    /// HttpClient's connection-pool gauges change several times on every upstream call, and say less
    /// about the providers than the request durations kept beside them. Dropped, they are never measured.
    /// </summary>
    private static readonly string[] DroppedPlatformInstruments =
        ["http.client.open_connections", "http.client.active_requests", "http.client.request.time_in_queue"];

    public static MetricsOptions AddMetrics(this WebApplicationBuilder builder)
    {
        var options = Settings.Read<MetricsOptions>(builder.Configuration.GetSection("AIBridge:Metrics"));
        if (options.Port is < 1 or > 65535)
        {
            throw new ConfigurationException($"invalid AIBridge:Metrics:Port \"{options.Port}\": use a TCP port from 1 to 65535, or leave it unset to serve /metrics on the main listener");
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(sp =>
        {
            var catalog = sp.GetRequiredService<ProviderCatalog>();
            var clock = sp.GetRequiredService<TimeProvider>();
            return new GatewayMetrics(options, () => catalog.All.Select(p => (p.Name, p.Kind, ProviderInfoStatus(p))),
                () => catalog.All.Where(p => p.Keys is not null)
                    .SelectMany(p => p.Keys!.Census(clock.GetUtcNow().UtcDateTime).Select(c => (p.Name, c.State, c.Count))));
        });
        if (!options.Enabled)
        {
            return options;
        }

        builder.Services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter([GatewayMetrics.MeterName, RecordingMetrics.MeterName, .. PlatformMeters])
                .SetExemplarFilter(ExemplarFilterType.AlwaysOff)
                .AddPrometheusExporter();
            foreach (var instrument in DroppedPlatformInstruments)
            {
                metrics.AddView(instrument, MetricStreamConfiguration.Drop);
            }
        });
        if (options.Port is { } port)
        {
            ListenAlsoOn(builder, port);
        }

        return options;
    }

    /// <summary>Serves the scrape, on its own port when one is set (the main listener then answers 404 there).</summary>
    public static void UseMetrics(this WebApplication app, MetricsOptions options)
    {
        if (!options.Enabled)
        {
            return;
        }

        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            context => context.Request.Path == Path && (options.Port is not { } port || context.Connection.LocalPort == port));
    }

    /// <summary>The metrics port listens on the same host as the main listener: loopback by default, every interface when the main one does.</summary>
    private static void ListenAlsoOn(WebApplicationBuilder builder, int port)
    {
        var urls = builder.Configuration["urls"];
        if (string.IsNullOrEmpty(urls) && builder.Configuration["http_ports"] is { Length: > 0 } ports)
        {
            builder.WebHost.UseSetting("http_ports", $"{ports};{port}");
            return;
        }

        urls = string.IsNullOrEmpty(urls) ? DependencyInjection.DefaultUrl : urls;
        var host = BindingAddress.Parse(urls.Split(';')[0]).Host;
        builder.WebHost.UseUrls(urls, $"http://{host}:{port}");
    }

    /// <summary><c>ready</c> or <c>no_key</c> for a working provider; <c>disabled</c> or <c>error</c> for one that answers 503.</summary>
    private static string ProviderInfoStatus(ProviderInstance provider) =>
        provider.Unavailable is not null ? provider.Status
        : string.IsNullOrEmpty(provider.ApiKey) && provider.Keys is null ? "no_key"
        : "ready";
}

using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Gateway.Telemetry;
using AIBridge.Web.Infrastructure;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AIBridge.Web.Telemetry;

/// <summary>
/// OpenTelemetry traces over OTLP: the gateway's spans under ASP.NET Core's span of each request, and
/// HttpClient's span of each upstream call. Off unless an endpoint is configured.
/// </summary>
public static class TracingServices
{
    public const string ServiceName = "aibridge";

    /// <summary>
    /// HttpClient's own spans, with the HTTP attributes .NET sets itself. OpenTelemetry's HttpClient
    /// instrumentation is left out on purpose: it writes the trace context into every request with its
    /// own propagator, bypassing the upstream clients' choice not to send it.
    /// </summary>
    private const string HttpClientSource = "System.Net.Http";

    private const string SignalEndpoint = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

    private const string Grpc = "grpc";
    private const string HttpProtobuf = "http/protobuf";

    /// <summary>Probes and scrapes come every few seconds and say nothing about the traffic.</summary>
    private static readonly PathString[] Untraced = ["/healthz", "/readyz", MetricsServices.Path];

    public static TracingOptions AddTracing(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var options = Settings.Read<TracingOptions>(configuration.GetSection("AIBridge:Tracing"));
        // The first setting given wins, and an error names the one that was read.
        var (setting, value) = First(("AIBridge:Tracing:Endpoint", options.Endpoint), (SignalEndpoint, configuration[SignalEndpoint]),
            ("OTEL_EXPORTER_OTLP_ENDPOINT", configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]));
        var (protocolSetting, protocol) = First(("AIBridge:Tracing:Protocol", options.Protocol),
            ("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", configuration["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"]),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]));
        (options.Endpoint, options.Protocol) = (value, protocol ?? Grpc);
        builder.Services.AddSingleton(options);
        if (!options.Enabled)
        {
            return options;
        }

        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            throw new ConfigurationException($"invalid {setting} \"{options.Endpoint}\": use the OTLP collector's absolute http or https address, e.g. http://localhost:4317");
        }

        if (options.Protocol is not (Grpc or HttpProtobuf))
        {
            throw new ConfigurationException($"invalid {protocolSetting} \"{options.Protocol}\": use grpc or http/protobuf");
        }

        // A base address gets the traces path as OTEL_EXPORTER_OTLP_ENDPOINT does; a signal-specific one is used as it is.
        if (options.Protocol == HttpProtobuf && setting != SignalEndpoint && !endpoint.AbsolutePath.EndsWith("/v1/traces", StringComparison.Ordinal))
        {
            endpoint = new Uri(endpoint.ToString().TrimEnd('/') + "/v1/traces");
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(GatewaySpans.SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !Untraced.Any(path => context.Request.Path.StartsWithSegments(path)))
                .AddSource(HttpClientSource)
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = endpoint;
                    o.Protocol = options.Protocol == Grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                }));
        return options;
    }

    private static (string Setting, string? Value) First(params (string Setting, string? Value)[] candidates) =>
        candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c.Value), (candidates[^1].Setting, null));
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AIBridge.Application.Gateway;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Application.Gateway.Telemetry;

namespace AIBridge.Web.Gateway;

/// <summary>
/// One long-lived, pooled connection handler per provider, set up as YARP does: no redirects, no
/// cookies, no decompression (bytes pass through as they are), a connect timeout and no total timeout,
/// since a stream may legitimately last many minutes.
/// </summary>
public sealed class UpstreamClients(GatewayOptions options, TracingOptions tracing) : IDisposable
{
    /// <summary>
    /// With tracing on, HttpClient's span of the upstream call is kept (its handler only exists with a
    /// propagator) but sends no context unless asked to; with tracing off the handler is left out.
    /// </summary>
    private readonly DistributedContextPropagator? _propagator = tracing.PropagateUpstream ? DistributedContextPropagator.Current
        : tracing.Enabled ? DistributedContextPropagator.CreateNoOutputPropagator() : null;

    private readonly ConcurrentDictionary<string, HttpMessageInvoker> _clients = new(StringComparer.Ordinal);

    public HttpMessageInvoker For(ProviderInstance provider) => _clients.GetOrAdd(provider.Name, _ => new HttpMessageInvoker(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = options.Upstream.ConnectTimeout,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
        MaxConnectionsPerServer = int.MaxValue,
        EnableMultipleHttp2Connections = true,
        UseProxy = true,
        ActivityHeadersPropagator = _propagator,
    }, disposeHandler: true));

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}

using AIBridge.Application.Gateway.Errors;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Application.Gateway.Recording;
using AIBridge.Application.Gateway;
using AIBridge.Domain.Interceptions;

namespace AIBridge.Web.Gateway;

/// <summary>Sends a request upstream and returns at the response headers, or answers 502/504 itself when there are none.</summary>
public sealed class UpstreamSender(UpstreamClients clients, GatewayOptions options, ILogger<GatewayHandler> logger)
{
    /// <returns>The response, or the failure already answered to the client (its outcome for the recording).</returns>
    /// <param name="family">The call's wire family: the format of the error answered here.</param>
    public async Task<(HttpResponseMessage? Response, InterceptionOutcome? Failure)> SendAsync(HttpContext context, ProviderInstance provider,
        ProviderType family, HttpRequestMessage request, bool passthrough)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(options.Upstream.ResponseTimeout);
        GatewayError error;
        string errorType;
        try
        {
            return (await clients.For(provider).SendAsync(request, timeout.Token), null);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            (error, errorType) = (GatewayError.Timeout(provider.Name), InterceptionErrors.Timeout);
        }
        catch (HttpRequestException e) when (e.InnerException is TimeoutException || e.HttpRequestError == HttpRequestError.ConnectionError && e.InnerException is OperationCanceledException)
        {
            (error, errorType) = (GatewayError.Timeout(provider.Name), InterceptionErrors.Timeout);
        }
        catch (HttpRequestException e) when (e.InnerException is BadHttpRequestException refused)
        {
            // A streamed passthrough body went over the limit, or ended short, while being forwarded.
            (error, errorType) = (RequestBody.Refused(refused, options.MaxRequestBodyBytes), InterceptionErrors.ClientDisconnected);
        }
        catch (HttpRequestException e)
        {
            GatewayLog.Unreachable(logger, e, provider.Name);
            (error, errorType) = (passthrough ? GatewayError.ProxyError() : GatewayError.Unreachable(provider.Name), InterceptionErrors.UpstreamUnreachable);
        }

        await context.WriteAsync(error, family);
        return (null, InterceptionOutcome.Failure(error.Status, errorType, error.Message));
    }
}

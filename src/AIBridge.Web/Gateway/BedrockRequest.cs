using System.Net.Http.Headers;
using AIBridge.Application.Gateway.Bedrock;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Application.Gateway.Requests;
using AIBridge.Infrastructure.Bedrock;

namespace AIBridge.Web.Gateway;

/// <summary>
/// A Messages request as a <c>bedrock</c> provider sends it: to InvokeModel with the body translated and the
/// model in the path, or to Bedrock's Anthropic-compatible endpoint as sent; SigV4-signed either way.
/// </summary>
public static class BedrockRequest
{
    private const string EventStreamType = "application/vnd.amazon.eventstream";

    /// <summary>The client headers Bedrock's Anthropic-compatible endpoint reads; InvokeModel takes the betas in the body instead.</summary>
    private static readonly string[] MantleHeaders = ["anthropic-version", "anthropic-beta"];

    public static async Task<HttpRequestMessage> CreateAsync(HttpContext context, ProviderInstance provider, BedrockAccess access, UpstreamBody body,
        BridgedRequest bridged, DateTime now)
    {
        var mantle = access.Settings.Mode == BedrockSettings.Mantle;
        var anthropicBeta = context.Request.Headers["anthropic-beta"].ToString();
        var bytes = mantle ? body.Bytes.ToArray() : BedrockInvokeBody.Translate(body.Bytes.Span, anthropicBeta, bridged.Model);
        var path = mantle ? "/v1/messages"
            : $"/model/{Uri.EscapeDataString(bridged.Model)}/{(bridged.Streaming ? "invoke-with-response-stream" : "invoke")}";
        var request = new HttpRequestMessage(HttpMethod.Post, provider.UpstreamUri(path, ""))
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            Version = System.Net.HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrHigher,
        };
        if (mantle)
        {
            foreach (var name in MantleHeaders)
            {
                if (context.Request.Headers[name] is { Count: > 0 } value)
                {
                    request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)value);
                }
            }

            if (!request.Headers.Contains("anthropic-version"))
            {
                request.Headers.TryAddWithoutValidation("anthropic-version", "2023-06-01");
            }
        }

        request.Headers.Accept.ParseAdd(!mantle && bridged.Streaming ? EventStreamType : "application/json");
        await BedrockSigner.SignAsync(request, bytes, access, now);
        return request;
    }

    /// <summary>
    /// What Bedrock answers, as Anthropic would: its errors in Anthropic's error shape, its InvokeModel
    /// event stream as Anthropic's server-sent events.
    /// </summary>
    public static Task AdaptAsync(HttpResponseMessage upstream, BedrockAccess access, CancellationToken cancellationToken) =>
        upstream.IsSuccessStatusCode ? DecodeEventStreamAsync(upstream, cancellationToken)
        : access.Settings.Mode == BedrockSettings.Invoke ? RewriteErrorAsync(upstream, cancellationToken)
        : Task.CompletedTask;

    /// <summary>An InvokeModel error body is small JSON: read whole, and answered in Anthropic's shape.</summary>
    private static async Task RewriteErrorAsync(HttpResponseMessage upstream, CancellationToken cancellationToken)
    {
        var body = await upstream.Content.ReadAsByteArrayAsync(cancellationToken);
        var errorType = upstream.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
        var rewritten = new ByteArrayContent(BedrockError.ToAnthropic((int)upstream.StatusCode, errorType, body));
        rewritten.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        upstream.Content = rewritten;
    }

    /// <summary>
    /// A streamed InvokeModel answer arrives as AWS's binary event stream: it is read on as Anthropic's
    /// server-sent events, so the client and the recording see the stream they would see from Anthropic.
    /// </summary>
    private static async Task DecodeEventStreamAsync(HttpResponseMessage upstream, CancellationToken cancellationToken)
    {
        if (upstream.Content.Headers.ContentType?.MediaType != EventStreamType)
        {
            return;
        }

        var original = upstream.Content;
        var decoded = new StreamContent(new BedrockEventStream(await original.ReadAsStreamAsync(cancellationToken)));
        foreach (var (name, values) in original.Headers.Where(h => h.Key is not ("Content-Type" or "Content-Length")))
        {
            decoded.Headers.TryAddWithoutValidation(name, values);
        }

        decoded.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream") { CharSet = "utf-8" };
        upstream.Content = decoded;
    }
}

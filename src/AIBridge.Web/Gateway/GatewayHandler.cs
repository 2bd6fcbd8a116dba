using AIBridge.Application.Budgets;
using AIBridge.Application.Gateway.Bedrock;
using AIBridge.Application.Gateway.Credentials;
using AIBridge.Application.Gateway.Errors;
using AIBridge.Application.Gateway.Limits;
using AIBridge.Application.Gateway.Parsing;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Application.Gateway.Recording;
using AIBridge.Application.Gateway.Recovery;
using AIBridge.Application.Gateway.Requests;
using AIBridge.Application.Gateway.Routing;
using AIBridge.Application.Gateway.Telemetry;
using AIBridge.Application.Pricing;
using AIBridge.Application.Gateway;
using AIBridge.Domain.Interceptions;
using AIBridge.Web.Infrastructure;
using System.Net;

namespace AIBridge.Web.Gateway;

/// <summary>
/// The provider routes <c>/api/v2/aibridge/{provider}/…</c>. Deliberately outside MVC and the mediator:
/// a stream must not pass through per-message behaviours or any buffering.
/// </summary>
/// <remarks>
/// A request goes through these steps; a step that refuses it answers in the provider's error format
/// and ends it there.
/// <list type="number">
/// <item>Resolve the request into a call (<see cref="GatewayResolver"/>): path, credentials, user, route.</item>
/// <item>A passthrough route is sent on unrecorded (steps 5 and 6).</item>
/// <item>Read and inspect the body of a bridged request (<see cref="RequestInspection"/>).</item>
/// <item>Hold its worst-case cost against its user's budget, or refuse it when the budget is spent
/// (<see cref="BudgetLedger"/>); then start its recording (<see cref="RecordingSession"/>).</item>
/// <item>Send it upstream and wait for the response headers; without them, answer 502 or 504 itself
/// (<see cref="UpstreamSender"/>).</item>
/// <item>Relay the status, headers and body as they arrive, the body through the recording's tap
/// (<see cref="ResponseRelay"/>).</item>
/// <item>End the recording with how the response ended (disposing the session).</item>
/// </list>
/// </remarks>
public sealed class GatewayHandler(
    ProviderCatalog catalog,
    GatewayResolver resolver,
    UpstreamSender sender,
    GatewayOptions options,
    GatewayInstance instance,
    PriceCatalog prices,
    BudgetLedger budgets,
    IRecorder recorder,
    GatewayMetrics metrics,
    CircuitBreakers breakers,
    RequestLimiter limiter,
    TimeProvider clock,
    ILogger<GatewayHandler> logger)
{
    public const string Prefix = "/api/v2/aibridge/";

    private const string CopilotSessionHeader = "X-Client-Session-Id";

    /// <summary>The same routes under the prefix Coder's AI Gateway uses.</summary>
    public const string AiGatewayPrefix = "/api/v2/ai-gateway/";

    public async Task HandleAsync(HttpContext context)
    {
        var received = clock.GetTimestamp();
        if (catalog.Find(context.Request.RouteValues["provider"] as string ?? "") is not { } provider)
        {
            await RouteNotFoundAsync(context);
            return;
        }

        try
        {
            // 1. Resolve.
            var (call, refusal) = await resolver.ResolveAsync(context, provider);
            if (call is null)
            {
                await context.WriteAsync(refusal!, provider.Type);
                return;
            }

            if (provider.Unavailable is { } reason)
            {
                await context.WriteAsync(GatewayError.ProviderUnavailable(provider.Name, reason), provider.Type);
                return;
            }

            // 2. Passthrough, or the bridged steps 3 to 7.
            await (call.Route.Api is { } api ? BridgeAsync(context, call, api, received) : PassThroughAsync(context, call));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception e)
        {
            GatewayLog.Fault(logger, e, context.Request.Method, context.Request.Path);
            await context.WriteAsync(GatewayError.Internal(), provider.Type);
        }
    }

    /// <summary>A path under <c>/api/v2</c> that is neither an API route nor a provider.</summary>
    public static async Task RouteNotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        await context.Response.WriteAsJsonAsync(new ErrorResponse("Route not found."), ApiJson.Options, ApiJson.ContentType);
    }

    internal static Func<string, string?> Header(HttpRequest request) =>
        name => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    private async Task BridgeAsync(HttpContext context, GatewayCall call, BridgedApi api, long received)
    {
        using var intercept = GatewayTracing.StartIntercept(context, call);
        if (await BeginAsync(context, call, api, received, intercept) is not { } begun)
        {
            GatewayTracing.Refused(intercept, context.Response.StatusCode);
            return;
        }

        var (session, body, credential, bridged, slot) = begun;
        var model = bridged.Model;

        // 7. Disposing the session ends the recording, whatever happened.
        using var _ = new BodyRelease(body);
        using (slot)
        await using (session)
        {
            using var processing = GatewayTracing.Start(GatewaySpans.ProcessRequest);
            var breaker = breakers.For(call.Provider, call.Route.Template, model);
            var ticket = breaker?.TryPass();
            if (breaker is not null && ticket is null)
            {
                await RefuseOpenCircuitAsync(context, call, model, session);
                return;
            }

            try
            {
                await ExchangeAsync(context, call, api, body, credential, bridged, session);
            }
            catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
            {
                session.Faulted();
                throw;
            }
            finally
            {
                breaker?.Report(ticket!.Value, CircuitBreakers.IsFailure(call.Family, context.Response.StatusCode));
            }
        }
    }

    /// <summary>The provider's breaker is open: nothing goes upstream, and the refusal is recorded as the interception's failure.</summary>
    private async Task RefuseOpenCircuitAsync(HttpContext context, GatewayCall call, string model, RecordingSession session)
    {
        breakers.Rejected(call.Provider, call.Route.Template, model);
        var error = GatewayError.CircuitOpen((long)Math.Ceiling(call.Provider.CircuitBreaker!.Timeout.TotalSeconds));
        session.Outcome = InterceptionOutcome.Failure(error.Status, InterceptionErrors.CircuitOpen, error.Message);
        await context.WriteAsync(error, call.Family);
    }

    /// <summary>Steps 3 and 4 of a bridged request: null when the body is refused, which is answered.</summary>
    private async Task<(RecordingSession Session, UpstreamBody Body, UpstreamCredential Credential, BridgedRequest Request, IDisposable? Slot)?> BeginAsync(HttpContext context, GatewayCall call, BridgedApi api,
        long received, System.Diagnostics.Activity? intercept)
    {
        // 3. Read and inspect the body.
        var request = context.Request;
        var (body, unreadable) = await RequestBody.ReadAsync(request, options.MaxRequestBodyBytes, context.RequestAborted);
        try
        {
            var inspection = body is null ? null : RequestInspection.Of(api, body.WrittenMemory, Header(request));
            if ((unreadable ?? Refusal(inspection!)) is { } refusal)
            {
                await context.WriteAsync(refusal, call.Family);
                return null;
            }

            var bridged = inspection!.Request!;
            if (call.Provider.Bedrock is { Settings.Mode: BedrockSettings.Invoke } invoke)
            {
                // Invoke names the model in its path: the Bedrock model the request goes to is the one recorded and priced.
                bridged = bridged with { Model = invoke.Settings.ModelFor(bridged.Model) };
            }
            if (call.Provider.Kind == ProviderKinds.Copilot && bridged.ClientSessionId is null)
            {
                // Copilot's clients name their session in this header, whichever client they are.
                bridged = bridged with { ClientSessionId = Header(request)(CopilotSessionHeader) };
            }

            if (api == BridgedApi.ChatCompletions && bridged.Streaming && ChatStreamOptions.RequestUsage(ref body!, inspection.Parts!) is { } broken)
            {
                await context.WriteAsync(broken, call.Family);
                return null;
            }

            // 4. Hold the budget, then start the recording.
            GatewayTracing.Inspected(intercept, bridged);
            var price = prices.Current.Find(call.Family.Name(), bridged.Model);
            var estimate = ReservationEstimate.Micros(price, body!.Length, bridged.MaxOutputTokens ?? budgets.Options.DefaultMaxOutputTokens);
            var budget = await budgets.ReserveAsync(call.Actor.UserId, estimate, context.RequestAborted);
            if (budget.Refusal is { } spent)
            {
                GatewayLog.BudgetSpent(logger, call.Actor.UserId, call.Actor.Username, spent.LimitMicros, spent.SpentMicros);
                metrics.RateLimited(call.Provider.Name, "budget");
                await context.WriteAsync(GatewayError.BudgetExhausted(spent.Message, spent.RetryAfterSeconds), call.Family);
                return null;
            }

            var (slot, limited) = await AdmitAsync(context, call);
            if (limited)
            {
                budget.Hold?.Release();
                return null;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var credential = UpstreamCredential.Choose(call.Provider, call.Caller.Byok, request.Headers.Authorization, request.Headers[GatewayHeaders.ApiKey], now);
            if (credential is null)
            {
                slot?.Dispose();
                budget.Hold?.Release();
                await context.WriteAsync(call.Provider.Keys!.Exhausted(now), call.Family);
                return null;
            }

            var session = RecordingSession.Start(context, call, bridged, credential, instance, price, budget.Hold, recorder, metrics, clock, received, logger,
                intercept);
            var upstreamBody = new UpstreamBody(body, resendable: credential.Key is not null && call.Provider.Keys!.Keys.Count > 1);
            body = null;
            return (session, upstreamBody, credential, bridged, slot);
        }
        finally
        {
            body?.Dispose();
        }
    }

    /// <summary>Steps 5 and 6 of a bridged request.</summary>
    private async Task ExchangeAsync(HttpContext context, GatewayCall call, BridgedApi api, UpstreamBody body, UpstreamCredential credential,
        BridgedRequest bridged, RecordingSession session)
    {
        using var span = GatewayTracing.Start(GatewaySpans.Upstream);
        var (upstream, failure) = await SendAsync(context, call, body, credential, bridged, session);
        body.Release();
        using (upstream)
        {
            if (upstream is null)
            {
                session.Outcome = failure!;
                return;
            }

            if (call.Provider.Bedrock is { } bedrock)
            {
                await BedrockRequest.AdaptAsync(upstream, bedrock, context.RequestAborted);
            }

            var tap = session.Tap(api, upstream);
            await ResponseRelay.StartAsync(context, upstream);
            var (end, bytes) = await RelayBodyAsync(context, upstream, tap);
            session.Relayed = bytes;
            session.Outcome = end.Outcome(upstream, context.Response.StatusCode, options.Upstream.IdleTimeout);
        }
    }

    /// <summary>
    /// Sends the request with <paramref name="credential"/>. When that is a pooled key and the upstream
    /// answers 429 or 401, nothing has reached the client yet: the key cools down or is marked invalid, and
    /// the request goes again with the next usable key. With none left, the pool's refusal is the answer.
    /// </summary>
    private async Task<(HttpResponseMessage? Response, InterceptionOutcome? Failure)> SendAsync(HttpContext context, GatewayCall call, UpstreamBody body,
        UpstreamCredential credential, BridgedRequest bridged, RecordingSession session)
    {
        HashSet<int>? tried = null;
        for (var content = body; ; content = body.Resend())
        {
            using var request = call.Provider.Bedrock is { } bedrock
                ? await BedrockRequest.CreateAsync(context, call.Provider, bedrock, body, bridged, clock.GetUtcNow().UtcDateTime)
                : UpstreamRequest.Bridged(context, call.Provider, call.Family, call.Route.UpstreamPath, content, credential);
            var (upstream, failure) = await sender.SendAsync(context, call.Provider, call.Family, request, passthrough: false);
            if (credential.Key is not { } key)
            {
                return (upstream, failure);
            }

            session.KeyTried(credential, upstream is null ? null : (int)upstream.StatusCode);
            if (upstream?.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized))
            {
                return (upstream, failure);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var reason = upstream.StatusCode == HttpStatusCode.TooManyRequests ? "rate_limited" : "unauthorized";
            if (reason == "rate_limited")
            {
                key.CoolDown(now + (RetryAfter.Of(upstream, now) ?? KeyPool.DefaultCooldown));
            }
            else
            {
                key.Invalidate();
            }

            upstream.Dispose();
            metrics.KeyFailover(call.Provider.Name, reason);
            GatewayLog.KeyFailedOver(logger, call.Provider.Name, key.Id, (int)upstream.StatusCode, credential.Hint);
            (tried ??= []).Add(key.Index);
            if (call.Provider.Keys!.Next(now, tried) is not { } next)
            {
                var error = call.Provider.Keys.Exhausted(now);
                await context.WriteAsync(error, call.Family);
                return (null, InterceptionOutcome.Failure(error.Status, InterceptionErrors.UpstreamError, error.Message));
            }

            credential = next.Credential;
        }
    }

    private async Task PassThroughAsync(HttpContext context, GatewayCall call)
    {
        if (context.Request.ContentLength > options.MaxRequestBodyBytes)
        {
            await context.WriteAsync(GatewayError.TooLarge(options.MaxRequestBodyBytes), call.Family);
            return;
        }

        var (slot, limited) = await AdmitAsync(context, call);
        if (limited)
        {
            return;
        }

        using var _ = slot;
        metrics.Passthrough(call.Provider.Name, call.Route.Template, context.Request.Method);
        var central = UpstreamCredential.Choose(call.Provider, byok: false, null, null, clock.GetUtcNow().UtcDateTime);
        using var upstreamRequest = UpstreamRequest.Passthrough(context, call.Provider, call.Route.UpstreamPath, call.Caller.Byok, central);
        using var span = GatewayTracing.StartPassthrough(context, upstreamRequest);
        var (upstream, _) = await sender.SendAsync(context, call.Provider, call.Family, upstreamRequest, passthrough: true);
        using (upstream)
        {
            if (upstream is not null)
            {
                await ResponseRelay.StartAsync(context, upstream);
                await RelayBodyAsync(context, upstream, tap: null);
            }
        }
    }

    /// <summary>The body, verbatim; a relay cut short after the response started can only abort the client's connection.</summary>
    private async Task<(RelayEnd End, long Bytes)> RelayBodyAsync(HttpContext context, HttpResponseMessage upstream, ResponseTap? tap)
    {
        var progress = new ResponseRelay.Progress();
        var end = await ResponseRelay.CopyBodyAsync(context, upstream, tap, options.Upstream.IdleTimeout, clock, progress);
        if (end is RelayEnd.UpstreamQuiet or RelayEnd.UpstreamBroke or RelayEnd.ClientStalled)
        {
            GatewayLog.CutShort(logger, context.Request.Path, end.ToString());
            context.Abort();
        }

        if (progress.SlowestWrite > TimeSpan.FromMilliseconds(500))
        {
            GatewayLog.SlowClient(logger, context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString(), progress.Bytes,
                progress.SlowestWrite.TotalMilliseconds);
        }

        return (end, progress.Bytes);
    }

    /// <summary>The rate and concurrency limits: a refusal is answered here (Limited); the slot holds the request's place until disposed.</summary>
    private async Task<(IDisposable? Slot, bool Limited)> AdmitAsync(HttpContext context, GatewayCall call)
    {
        if (limiter.Off)
        {
            return (null, false);
        }

        var (slot, refusal) = await limiter.AcquireAsync(call.Actor.UserId, context.RequestAborted);
        if (refusal is null)
        {
            return (slot, false);
        }

        GatewayLog.Limited(logger, call.Actor.UserId, call.Actor.Username, refusal.Reason, refusal.Error.Message);
        metrics.RateLimited(call.Provider.Name, refusal.Reason);
        await context.WriteAsync(refusal.Error, call.Family);
        return (null, true);
    }

    private static GatewayError? Refusal(RequestInspection inspection) =>
        inspection.Error ?? (inspection.Request!.Background ? GatewayError.BackgroundUnsupported() : null);

    /// <summary>Returns the body's buffer when the request ends, however it ends.</summary>
    private readonly struct BodyRelease(UpstreamBody body) : IDisposable
    {
        public void Dispose() => body.Release();
    }
}

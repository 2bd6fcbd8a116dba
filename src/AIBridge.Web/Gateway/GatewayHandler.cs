using System.Diagnostics;
using System.Text.Json;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Gateway;
using AIBridge.Application.Gateway.Credentials;
using AIBridge.Application.Gateway.Errors;
using AIBridge.Application.Gateway.Parsing;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Application.Gateway.Recording;
using AIBridge.Application.Gateway.Recovery;
using AIBridge.Application.Gateway.Requests;
using AIBridge.Application.Gateway.Routing;
using AIBridge.Domain.Common;
using AIBridge.Domain.Interceptions;
using AIBridge.Web.Authentication;
using AIBridge.Web.Infrastructure;

namespace AIBridge.Web.Gateway;

/// <summary>
/// The provider routes <c>/api/v2/aibridge/{provider}/…</c> (bridge spec §3–§8). Deliberately outside
/// MVC and the mediator: a stream must not pass through per-message behaviours or any buffering.
/// </summary>
public sealed partial class GatewayHandler(
    ProviderCatalog catalog,
    GatewayAuthenticator authenticator,
    GatewayOptions options,
    GatewayInstance instance,
    UpstreamClients clients,
    IRecorder recorder,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ISecurityLog securityLog,
    ILogger<GatewayHandler> logger)
{
    public const string Prefix = "/api/v2/aibridge/";

    public async Task HandleAsync(HttpContext context)
    {
        var name = context.Request.RouteValues["provider"] as string ?? "";
        if (catalog.Find(name) is not { } provider)
        {
            await RouteNotFoundAsync(context);
            return;
        }

        if (RequestPath.Refusal(context.RawPath() ?? context.Request.Path.Value ?? "") is { } refusal)
        {
            await context.WriteAsync(GatewayError.InvalidPath(refusal), provider.Type);
            return;
        }

        try
        {
            await HandleAsync(context, provider);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception e)
        {
            LogFault(logger, e, context.Request.Method, context.Request.Path);
            await context.WriteAsync(GatewayError.Internal(), provider.Type);
        }
    }

    /// <summary>A path under <c>/api/v2</c> that is neither an API route nor a provider.</summary>
    public static async Task RouteNotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        await context.Response.WriteAsJsonAsync(new ErrorResponse("Route not found."), ApiJson.Options, ApiJson.ContentType);
    }

    private async Task HandleAsync(HttpContext context, ProviderInstance provider)
    {
        var request = context.Request;
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            await context.WriteAsync(GatewayError.ShuttingDown(), provider.Type);
            return;
        }

        var correlationId = request.Headers[GatewayHeaders.GovernanceRequestId].ToString();
        request.Headers.Remove(GatewayHeaders.GovernanceRequestId);
        var caller = CallerCredentials.From(Header(request));
        if (caller.Byok && !options.AllowBYOK)
        {
            await context.WriteAsync(GatewayError.ByokDisabled(), provider.Type);
            return;
        }

        if (caller.Token is null)
        {
            LogAuthenticationFailed(context, provider, "no authentication key provided", null);
            await context.WriteAsync(GatewayError.Unauthenticated("no authentication key provided"), provider.Type);
            return;
        }

        var authentication = await authenticator.AuthenticateAsync(caller.Token, context.RequestAborted);
        if (authentication.Actor is not { } actor)
        {
            LogAuthenticationFailed(context, provider, authentication.Unavailable ? "authentication is temporarily unavailable" : authentication.Failure!,
                authentication, caller.Token);
            await context.WriteAsync(
                authentication.Unavailable ? GatewayError.AuthUnavailable() : GatewayError.Unauthenticated(authentication.Failure!), provider.Type);
            return;
        }

        RequestBody.RaiseServerLimit(context, options.MaxRequestBodyBytes);
        var path = request.Path.Value ?? "";
        var rest = path[(Prefix.Length + provider.Name.Length)..];
        if (GatewayRoute.Match(provider.Type, request.Method, rest) is not { } route)
        {
            await context.WriteAsync(GatewayError.RouteNotSupported(request.Method, path), provider.Type);
            return;
        }

        if (route.Api is { } api)
        {
            await BridgeAsync(context, provider, api, route.UpstreamPath, caller, actor, correlationId);
        }
        else
        {
            await PassThroughAsync(context, provider, route.UpstreamPath, caller.Byok);
        }
    }

    private async Task BridgeAsync(HttpContext context, ProviderInstance provider, BridgedApi api, string upstreamPath,
        CallerCredentials caller, Actor actor, string correlationId)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        var (body, unreadable) = await RequestBody.ReadAsync(request, options.MaxRequestBodyBytes, context.RequestAborted);
        if (body is null)
        {
            await context.WriteAsync(unreadable!, provider.Type);
            return;
        }

        if (BridgedRequest.Inspect(api, body, Header(request), out var invalid) is not { } inspected)
        {
            await context.WriteAsync(invalid!, provider.Type);
            return;
        }

        if (inspected.Background)
        {
            await context.WriteAsync(GatewayError.BackgroundUnsupported(), provider.Type);
            return;
        }

        var client = inspected.Client;
        var clientSessionId = inspected.ClientSessionId;
        if (api == BridgedApi.ChatCompletions && inspected.Streaming)
        {
            body = ChatStreamOptions.RequestUsage(body);
        }

        var credential = UpstreamCredential.Choose(provider, caller.Byok, request.Headers.Authorization, request.Headers[GatewayHeaders.ApiKey]);
        var interception = NewInterception(provider, actor, inspected, client, clientSessionId, credential, request.Headers.UserAgent.ToString());
        var recording = new InterceptionRecording(recorder, clock, interception, RecordedText.Clean(inspected.Prompt));
        recording.Start(inspected.CorrelatingToolCallId);
        LogStarted(logger, interception.Id, path, provider.Name, interception.Model, actor.UserId, actor.Username, client, inspected.Streaming,
            credential.Kind, credential.Hint, credential.KeyLength, correlationId);

        var started = Stopwatch.GetTimestamp();
        var outcome = InterceptionOutcome.Failure(null, InterceptionErrors.ClientDisconnected, "the client went away before the response started");
        long relayed = 0;
        try
        {
            context.Response.Headers[GatewayHeaders.InterceptionId] = interception.Id.ToString();
            using var upstreamRequest = UpstreamRequest.Bridged(context, provider, upstreamPath, body, credential);
            var (upstreamResponse, failure) = await SendAsync(context, provider, upstreamRequest, passthrough: false);
            using var upstream = upstreamResponse;
            if (upstream is null)
            {
                outcome = failure!;
                return;
            }

            (relayed, outcome) = await RelayResponseAsync(context, api, upstream, recording);
        }
        catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            outcome = InterceptionOutcome.Failure(context.Response.HasStarted ? context.Response.StatusCode : StatusCodes.Status500InternalServerError,
                InterceptionErrors.InternalError, "internal error");
            throw;
        }
        finally
        {
            if (outcome.ErrorType == InterceptionErrors.ClientDisconnected && context.Response.HasStarted)
            {
                // Still the first guess: the client left, and nothing else decided otherwise.
                outcome = InterceptionOutcome.Failure(context.Response.StatusCode, InterceptionErrors.ClientDisconnected, "the client went away during the response");
            }

            recording.End(outcome);
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogEnded(logger, interception.Id, provider.Name, actor.UserId, actor.Username, outcome.StatusCode ?? 0, elapsed.TotalMilliseconds, relayed,
                context.RequestAborted.IsCancellationRequested, outcome.ErrorType ?? "");
        }
    }

    /// <summary>Relays a bridged response through the parser its status calls for; returns the bytes relayed and how it ended.</summary>
    private async Task<(long Bytes, InterceptionOutcome Outcome)> RelayResponseAsync(HttpContext context, BridgedApi api, HttpResponseMessage upstream,
        InterceptionRecording recording)
    {
        var status = (int)upstream.StatusCode;
        recording.ResponseStarted();

        // A failed answer is read only for the provider's error text; a successful one for everything recorded.
        ResponseParser parser = !upstream.IsSuccessStatusCode ? new UpstreamErrorParser(recording) : api switch
        {
            BridgedApi.AnthropicMessages => new AnthropicParser(recording),
            BridgedApi.ChatCompletions => new ChatParser(recording),
            _ => new ResponsesParser(recording),
        };
        recording.Attach(parser);
        using var tap = new ResponseTap(parser, ResponseRelay.IsEventStream(upstream), recording.BodyRelayed);
        try
        {
            await ResponseRelay.StartAsync(context, upstream);
            var (bytes, failure) = await RelayBodyAsync(context, upstream, tap);
            return (bytes, failure ?? (upstream.IsSuccessStatusCode
                ? InterceptionOutcome.Completed(status)
                : InterceptionOutcome.Failure(status, InterceptionErrors.UpstreamError, $"upstream provider answered {status}")));
        }
        finally
        {
            await CompleteTapAsync(tap, recording.Id);
        }
    }

    private async Task PassThroughAsync(HttpContext context, ProviderInstance provider, string upstreamPath, bool byok)
    {
        if (context.Request.ContentLength > options.MaxRequestBodyBytes)
        {
            await context.WriteAsync(GatewayError.TooLarge(options.MaxRequestBodyBytes), provider.Type);
            return;
        }

        using var upstreamRequest = UpstreamRequest.Passthrough(context, provider, upstreamPath, byok);
        var (upstreamResponse, _) = await SendAsync(context, provider, upstreamRequest, passthrough: true);
        using var upstream = upstreamResponse;
        if (upstream is not null)
        {
            await ResponseRelay.StartAsync(context, upstream);
            await RelayBodyAsync(context, upstream, tap: null);
        }
    }

    /// <summary>
    /// Sends upstream and returns at the response headers. When there are none it answers 502/504 (or
    /// the body's refusal) itself and returns that failure instead.
    /// </summary>
    private async Task<(HttpResponseMessage? Response, InterceptionOutcome? Failure)> SendAsync(HttpContext context, ProviderInstance provider,
        HttpRequestMessage request, bool passthrough)
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
            LogUnreachable(logger, e, provider.Name);
            (error, errorType) = (passthrough ? GatewayError.ProxyError() : GatewayError.Unreachable(provider.Name), InterceptionErrors.UpstreamUnreachable);
        }

        await context.WriteAsync(error, provider.Type);
        return (null, InterceptionOutcome.Failure(error.Status, errorType, error.Message));
    }

    /// <summary>The body, verbatim; a failure after the response started can only abort the connection, and is returned.</summary>
    private async Task<(long Bytes, InterceptionOutcome? Failure)> RelayBodyAsync(HttpContext context, HttpResponseMessage upstream, ResponseTap? tap)
    {
        var progress = new ResponseRelay.Progress();
        InterceptionOutcome? failure = null;
        try
        {
            await ResponseRelay.CopyBodyAsync(context, upstream, tap, options.Upstream.IdleTimeout, progress);
        }
        catch (Exception e) when (e is TimeoutException || !context.RequestAborted.IsCancellationRequested)
        {
            LogCutShort(logger, e, context.Request.Path);
            context.Abort();
            failure = e switch
            {
                TimeoutException client => InterceptionOutcome.Failure(context.Response.StatusCode, InterceptionErrors.Timeout, client.Message),
                OperationCanceledException => InterceptionOutcome.Failure(context.Response.StatusCode, InterceptionErrors.Timeout,
                    $"the upstream response went quiet for longer than {options.Upstream.IdleTimeout.TotalSeconds:0.###} s"),
                _ => InterceptionOutcome.Failure(context.Response.StatusCode, InterceptionErrors.UpstreamDisconnected, "the upstream connection broke during the response"),
            };
        }

        if (progress.SlowestWrite > TimeSpan.FromMilliseconds(500))
        {
            LogSlowClient(logger, context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString(), progress.Bytes,
                progress.SlowestWrite.TotalMilliseconds);
        }

        return (progress.Bytes, failure);
    }

    private async Task CompleteTapAsync(ResponseTap tap, Guid interceptionId)
    {
        try
        {
            await tap.CompleteAsync();
            if (tap.Abandoned)
            {
                LogParseAbandoned(logger, interceptionId);
                recorder.CountParseAbandoned();
            }
        }
        catch (Exception e)
        {
            LogParserFailed(logger, e, interceptionId);
        }
    }

    private Interception NewInterception(ProviderInstance provider, Actor actor, BridgedRequest request, string client, string? clientSessionId,
        UpstreamCredential credential, string userAgent)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new()
        {
            Id = RecordId.New(now),
            InitiatorId = actor.UserId,
            ApiKeyId = actor.ApiKeyId,
            Provider = provider.Type.Name(),
            ProviderName = provider.Name,
            Model = RecordedText.Clean(RecordedText.Cut(request.Model, Interception.ModelMaxLength))!,
            Client = RecordedText.Cut(client, Interception.ClientMaxLength),
            ClientSessionId = RecordedText.Clean(RecordedText.Cut(clientSessionId, Interception.ClientSessionIdMaxLength)),
            Metadata = JsonSerializer.Serialize(new Dictionary<string, string> { ["request_user_agent"] = userAgent }),
            CredentialKind = credential.Kind,
            CredentialHint = credential.Hint,
            StartedAt = now,
            GatewayInstance = instance.Name,
        };
    }

    private void LogAuthenticationFailed(HttpContext context, ProviderInstance provider, string reason, GatewayAuthentication? authentication, string? token = null) =>
        securityLog.Write(new SecurityEvent(SecurityEvents.AuthenticationFailed, Failure: true, UserId: authentication?.KeyUserId,
            Username: authentication?.KeyUsername, TokenId: SecurityLog.TokenId(token), Reason: $"gateway {provider.Name}: {reason}",
            ClientIp: context.Connection.RemoteIpAddress?.ToString()));

    private static Func<string, string?> Header(HttpRequest request) =>
        name => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Interception {InterceptionId} started: {Route} provider={Provider} model={Model} user={UserId} username={Username} client={Client} streaming={Streaming} credential={CredentialKind} hint={CredentialHint} credential_length={CredentialLength} correlation_id={CorrelationId}")]
    private static partial void LogStarted(ILogger logger, Guid interceptionId, string route, string provider, string model, Guid userId, string username, string client,
        bool streaming, string credentialKind, string credentialHint, int credentialLength, string correlationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interception {InterceptionId} ended: provider={Provider} user={UserId} username={Username} status={Status} duration_ms={DurationMs} bytes={Bytes} client_disconnected={Disconnected} error={ErrorType}")]
    private static partial void LogEnded(ILogger logger, Guid interceptionId, string provider, Guid userId, string username, int status, double durationMs, long bytes,
        bool disconnected, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream provider {Provider} is unreachable")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream response to {Path} was cut short; aborting the client connection")]
    private static partial void LogCutShort(ILogger logger, Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "slow client {ClientIp} ({UserAgent}): a write took {FlushMs} ms; {Bytes} bytes relayed")]
    private static partial void LogSlowClient(ILogger logger, string? clientIp, string userAgent, long bytes, double flushMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording parser fell behind on interception {InterceptionId}; parsing abandoned")]
    private static partial void LogParseAbandoned(ILogger logger, Guid interceptionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording parser failed on interception {InterceptionId}")]
    private static partial void LogParserFailed(ILogger logger, Exception exception, Guid interceptionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gateway fault on {Method} {Path}")]
    private static partial void LogFault(ILogger logger, Exception exception, string method, string path);
}

using AIBridge.Application.Gateway.Credentials;
using AIBridge.Application.Gateway.Parsing;
using AIBridge.Application.Gateway.Recording;
using AIBridge.Application.Gateway.Recovery;
using AIBridge.Application.Gateway.Requests;
using AIBridge.Application.Gateway.Routing;
using AIBridge.Application.Gateway.Telemetry;
using AIBridge.Application.Budgets;
using AIBridge.Domain.Interceptions;
using AIBridge.Domain.Pricing;

namespace AIBridge.Web.Gateway;

/// <summary>
/// One bridged request's recording: owns the interception's <see cref="InterceptionRecording"/>, the
/// response parser and the tap that feeds it. Disposing it completes the tap, ends the interception with
/// <see cref="Outcome"/> and logs the end; it never throws.
/// </summary>
public sealed class RecordingSession : IAsyncDisposable
{
    private readonly HttpContext _context;
    private readonly GatewayCall _call;
    private readonly InterceptionRecording _recording;
    private readonly IRecorder _recorder;
    private readonly GatewayMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly long _received;
    private ResponseTap? _tap;
    private TimeSpan? _ttfb;

    private RecordingSession(HttpContext context, GatewayCall call, InterceptionRecording recording, IRecorder recorder, GatewayMetrics metrics,
        TimeProvider clock, long received, ILogger logger)
    {
        (_context, _call, _recording, _recorder, _metrics, _clock, _received, _logger) = (context, call, recording, recorder, metrics, clock, received, logger);
    }

    /// <summary>Until the relay says otherwise: nothing answered yet, so the client is the one who left.</summary>
    public InterceptionOutcome Outcome { get; set; } =
        InterceptionOutcome.Failure(null, InterceptionErrors.ClientDisconnected, "the client went away before the response started");

    /// <summary>Body bytes relayed to the client.</summary>
    public long Relayed { get; set; }

    /// <summary>Queues the interception's start and names it to the client in the response headers.</summary>
    /// <param name="price">The model's price in force now: the interception's usage is costed at it.</param>
    /// <param name="hold">The request's claim on its user's budget, if they have one.</param>
    /// <param name="received">When the gateway received the request (<paramref name="clock"/>'s timestamp): latencies count from it.</param>
    /// <param name="intercept">The request's <c>Intercept</c> span, if it is traced.</param>
    public static RecordingSession Start(HttpContext context, GatewayCall call, BridgedRequest request, UpstreamCredential credential,
        GatewayInstance instance, ModelPrice? price, BudgetHold? hold, IRecorder recorder, GatewayMetrics metrics, TimeProvider clock, long received,
        ILogger logger, System.Diagnostics.Activity? intercept = null)
    {
        var interception = NewInterception.For(call.Provider, call.Family, call.Actor, request, credential, context.Request.Headers.UserAgent.ToString(), instance,
            clock.GetUtcNow().UtcDateTime);
        var recording = new InterceptionRecording(recorder, clock, interception, RecordedText.Clean(request.Prompt), price, hold, metrics,
            InterceptionTrace.Of(intercept, interception.Id));
        recording.Start(request.CorrelatingToolCallId);
        metrics.InterceptionStarted(recording.Key, call.Route.Template);
        GatewayLog.Started(logger, interception.Id, context.Request.Path.Value ?? "", call.Provider.Name, interception.Model, call.Actor.UserId,
            call.Actor.Username, request.Client, request.Streaming, credential.Kind, credential.Hint, credential.KeyLength, call.CorrelationId);
        context.Response.Headers[GatewayHeaders.InterceptionId] = interception.Id.ToString();
        return new RecordingSession(context, call, recording, recorder, metrics, clock, received, logger);
    }

    /// <summary>A pooled key was tried and got <paramref name="status"/> (null: no answer).</summary>
    public void KeyTried(UpstreamCredential credential, int? status) => _recording.KeyTried(credential.Key!.Id, status, credential.Hint);

    /// <summary>The response headers arrived: the tap that feeds the parser its status calls for.</summary>
    public ResponseTap Tap(BridgedApi api, HttpResponseMessage upstream)
    {
        _ttfb = _clock.GetElapsedTime(_received);
        _recording.ResponseStarted();
        var parser = ResponseParsers.For(api, upstream.IsSuccessStatusCode, _recording);
        _recording.Attach(parser);
        return _tap = new ResponseTap(parser, ResponseRelay.IsEventStream(upstream), _recording.BodyRelayed);
    }

    /// <summary>An exception ends the request: recorded as the gateway's own fault.</summary>
    public void Faulted() => Outcome = InterceptionOutcome.Failure(
        _context.Response.HasStarted ? _context.Response.StatusCode : StatusCodes.Status500InternalServerError, InterceptionErrors.InternalError, "internal error");

    public async ValueTask DisposeAsync()
    {
        if (_tap is not null)
        {
            await CompleteTapAsync(_tap);
        }

        if (Outcome.ErrorType == InterceptionErrors.ClientDisconnected && _context.Response.HasStarted)
        {
            // Still the first guess: the client left, and nothing else decided otherwise.
            Outcome = RelayEnds.ClientGone(_context.Response.StatusCode);
        }

        var elapsed = _clock.GetElapsedTime(_received);
        _recording.End(Outcome, new InterceptionLatency(_ttfb is { } ttfb ? InterceptionLatency.Milliseconds(ttfb) : null, InterceptionLatency.Milliseconds(elapsed)));
        _metrics.InterceptionEnded(_recording.Key, _call.Route.Template, _context.Request.Method, Outcome.Failed, elapsed, _ttfb);
        GatewayLog.Ended(_logger, _recording.Id, _call.Provider.Name, _call.Actor.UserId, _call.Actor.Username, Outcome.StatusCode ?? 0,
            elapsed.TotalMilliseconds, Relayed, _context.RequestAborted.IsCancellationRequested, Outcome.ErrorType ?? "");
    }

    private async Task CompleteTapAsync(ResponseTap tap)
    {
        try
        {
            await tap.CompleteAsync();
            if (tap.Abandoned)
            {
                GatewayLog.ParseAbandoned(_logger, _recording.Id);
                _recorder.CountParseAbandoned();
            }
        }
        catch (Exception e)
        {
            GatewayLog.ParserFailed(_logger, e, _recording.Id);
        }
        finally
        {
            tap.Dispose();
        }
    }
}

using System.Diagnostics;
using AIBridge.Application.Gateway.Recording;

namespace AIBridge.Application.Gateway.Telemetry;

/// <summary>
/// The <c>Intercept</c> span of one bridged request, seen from its recording: each record handed to the
/// recorder becomes an <c>Intercept.Record*</c> child carrying the interception's attributes, and the
/// reported tokens add up into the GenAI usage attributes. Records arrive from the response parser's
/// task too, so the span itself is only written at <see cref="End"/>, on the request's own path.
/// </summary>
public sealed class InterceptionTrace
{
    private readonly Activity _intercept;
    private readonly KeyValuePair<string, object?>[] _attributes;
    private long _inputTokens;
    private long _outputTokens;

    private InterceptionTrace(Activity intercept, KeyValuePair<string, object?>[] attributes) =>
        (_intercept, _attributes) = (intercept, attributes);

    /// <summary>Null when the request is not traced (no listener, or not sampled).</summary>
    public static InterceptionTrace? Of(Activity? intercept, Guid interceptionId)
    {
        if (intercept is not { IsAllDataRequested: true })
        {
            return null;
        }

        intercept.SetTag(GatewaySpans.Attributes.InterceptionId, interceptionId.ToString());
        var attributes = intercept.TagObjects.Where(t => !t.Key.StartsWith("gen_ai.", StringComparison.Ordinal)).ToArray();
        return new InterceptionTrace(intercept, attributes);
    }

    /// <summary>A record was handed to the recorder (which writes it later, batched, outside the request).</summary>
    public void Recorded(string span, params ReadOnlySpan<KeyValuePair<string, object?>> extra)
    {
        using var activity = GatewaySpans.Source.StartActivity(span, ActivityKind.Internal, _intercept.Context, _attributes);
        foreach (var (key, value) in extra)
        {
            activity?.SetTag(key, value);
        }
    }

    public static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);

    public void Tokens(long input, long output)
    {
        Interlocked.Add(ref _inputTokens, input);
        Interlocked.Add(ref _outputTokens, output);
    }

    /// <summary>The outcome and the usage go on the <c>Intercept</c> span; a failure marks it as an error.</summary>
    public void End(InterceptionOutcome outcome)
    {
        _intercept.SetTag(GatewaySpans.Attributes.GenAiInputTokens, Interlocked.Read(ref _inputTokens));
        _intercept.SetTag(GatewaySpans.Attributes.GenAiOutputTokens, Interlocked.Read(ref _outputTokens));
        if (outcome.StatusCode is { } status)
        {
            _intercept.SetTag(GatewaySpans.Attributes.StatusCode, status);
        }

        if (outcome.Failed)
        {
            _intercept.SetTag(GatewaySpans.Attributes.ErrorType, outcome.ErrorType);
            _intercept.SetStatus(ActivityStatusCode.Error, outcome.ErrorMessage);
        }
    }
}

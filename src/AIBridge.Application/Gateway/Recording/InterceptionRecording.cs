using System.Text.Json;
using AIBridge.Application.Budgets;
using AIBridge.Application.Gateway.Parsing;
using AIBridge.Application.Gateway.Telemetry;
using AIBridge.Domain.Common;
using AIBridge.Domain.Interceptions;
using AIBridge.Domain.Pricing;

namespace AIBridge.Application.Gateway.Recording;

/// <summary>
/// Everything recorded about one bridged request, from its start to its end: turns
/// what the parser reports into rows and hands them to the recorder. Never throws into the relay.
/// </summary>
/// <param name="price">The model's price when the request arrived: each usage row's cost is fixed with it.</param>
/// <param name="hold">The request's claim on its user's budget: its worst-case cost from start to end, then its real cost.</param>
/// <param name="metrics">Counts prompts, tokens, cost and tool calls as they are recorded.</param>
/// <param name="trace">The request's <c>Intercept</c> span, when it is traced: each record becomes a span under it.</param>
public sealed class InterceptionRecording(
    IRecorder recorder, TimeProvider clock, Interception interception, string? prompt, ModelPrice? price = null, BudgetHold? hold = null,
    GatewayMetrics? metrics = null, InterceptionTrace? trace = null)
    : IResponseSink
{
    private ResponseParser? _parser;
    private DateTime? _respondedAt;
    private string? _upstreamError;
    private long? _response;
    private int _ended;
    private List<KeyAttempt>? _keyAttempts;
    private string? _hint;

    /// <summary>Every record that adds to the hourly usage roll-up names its row.</summary>
    private readonly UsageKey _usage = UsageKey.Of(interception);

    public Guid Id => interception.Id;

    /// <summary>Who, through which provider and model, as which client: the labels of its usage.</summary>
    public UsageKey Key => _usage;

    public void Start(string? correlatingToolCallId)
    {
        recorder.Enqueue(new InterceptionStarted(interception, correlatingToolCallId) { Hold = hold });
        trace?.Recorded(GatewaySpans.RecordInterception);
    }

    /// <summary>
    /// A pooled key was tried: the attempts go into the metadata at the end, and the hint recorded is
    /// that of the last key tried.
    /// </summary>
    public void KeyTried(Guid keyId, int? status, string hint)
    {
        (_keyAttempts ??= []).Add(new KeyAttempt(keyId, status));
        _hint = hint;
    }

    /// <summary>The parser whose response id the prompt row carries.</summary>
    public void Attach(ResponseParser parser) => _parser = parser;

    /// <summary>Response headers arrived: the prompt row is dated by them.</summary>
    public void ResponseStarted() => _respondedAt = Now();

    /// <summary>
    /// The whole body reached the relay, which completes the client's response before the parser has
    /// reported the last calls; until <see cref="End"/> the writer may wait for them.
    /// </summary>
    public void BodyRelayed() => _response ??= recorder.BeginResponse(interception.InitiatorId, interception.StartedAt);

    /// <summary>
    /// Ends the interception exactly once, whatever happened. The prompt is recorded for failed calls
    /// too: an audit must show what was sent, answered or not. An error the provider reported in its
    /// body or stream names the failure in its own words.
    /// </summary>
    public void End(InterceptionOutcome outcome, InterceptionLatency? latency = null)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 1)
        {
            return;
        }

        if (prompt is not null)
        {
            var at = _respondedAt ?? Now();
            recorder.Enqueue(new UserPromptRecorded(new UserPrompt
            {
                Id = RecordId.New(at),
                InterceptionId = interception.Id,
                ProviderResponseId = _parser?.ResponseId ?? "",
                Prompt = prompt,
                Metadata = "{}",
                CreatedAt = at,
            })
            {
                Rollup = _usage,
            });
            metrics?.Prompt(_usage);
            trace?.Recorded(GatewaySpans.RecordPromptUsage);
        }

        if (Volatile.Read(ref _upstreamError) is { } error && (!outcome.Failed || outcome.ErrorType == InterceptionErrors.UpstreamError))
        {
            outcome = InterceptionOutcome.Failure(outcome.StatusCode, InterceptionErrors.UpstreamError, error);
        }

        hold?.End();
        var hint = interception.CredentialKind == CredentialKind.Centralized ? _hint ?? interception.CredentialHint : null;
        var metadata = _keyAttempts is { } attempts ? InterceptionMetadata.WithKeyAttempts(interception.Metadata ?? "{}", attempts) : null;
        recorder.Enqueue(new InterceptionEnded(interception.Id, Now(), hint, outcome, latency) { Rollup = _usage, Hold = hold, Metadata = metadata });
        trace?.Recorded(GatewaySpans.RecordInterceptionEnded);
        trace?.End(outcome);
        if (_response is { } ticket)
        {
            recorder.EndResponse(ticket);
        }
    }

    public void ToolCall(ParsedToolCall call)
    {
        var at = Now();
        recorder.Enqueue(new ToolUsageRecorded(new ToolUsage
        {
            Id = RecordId.New(at),
            InterceptionId = interception.Id,
            ProviderResponseId = call.ResponseId,
            ProviderToolCallId = RecordedText.Clean(call.CallId),
            ProviderItemId = call.ItemId,
            Tool = RecordedText.Clean(call.Tool)!,
            Input = RecordedText.Clean(call.Input)!,
            Metadata = "{}",
            CreatedAt = at,
        })
        {
            InterceptionStartedAt = interception.StartedAt,
            Rollup = _usage,
        });
        metrics?.ToolSelected(_usage, call.Tool);
        trace?.Recorded(GatewaySpans.RecordToolUsage, InterceptionTrace.Tag(GatewaySpans.Attributes.ToolName, call.Tool));
    }

    public void Thought(string content, string source)
    {
        var at = Now();
        recorder.Enqueue(new ModelThoughtRecorded(new ModelThought
        {
            Id = RecordId.New(at),
            InterceptionId = interception.Id,
            Content = RecordedText.Clean(content)!,
            Metadata = JsonSerializer.Serialize(new Dictionary<string, string> { ["source"] = source }),
            CreatedAt = at,
        }));
        trace?.Recorded(GatewaySpans.RecordModelThought);
    }

    public void Usage(ParsedUsage usage)
    {
        var at = Now();
        var cost = TokenCost.Micros(price, new TokenCounts(usage.Input, usage.Output, usage.CacheRead, usage.CacheWrite,
            usage.Metadata.GetValueOrDefault(ParsedUsage.OneHourCacheWrites)));
        hold?.AddCost(cost);
        metrics?.Usage(_usage, usage, cost);
        trace?.Tokens(usage.Input, usage.Output);
        trace?.Recorded(GatewaySpans.RecordTokenUsage, InterceptionTrace.Tag(GatewaySpans.Attributes.GenAiInputTokens, usage.Input),
            InterceptionTrace.Tag(GatewaySpans.Attributes.GenAiOutputTokens, usage.Output), InterceptionTrace.Tag(GatewaySpans.Attributes.GenAiResponseId, usage.ResponseId));
        recorder.Enqueue(new TokenUsageRecorded(new TokenUsage
        {
            Id = RecordId.New(at),
            InterceptionId = interception.Id,
            ProviderResponseId = usage.ResponseId,
            InputTokens = usage.Input,
            OutputTokens = usage.Output,
            CacheReadInputTokens = usage.CacheRead,
            CacheWriteInputTokens = usage.CacheWrite,
            CostMicros = cost,
            Metadata = JsonSerializer.Serialize(usage.Metadata),
            CreatedAt = at,
        })
        {
            Rollup = _usage,
        });
    }

    /// <summary>The first error the provider reported wins: later ones are usually its consequences.</summary>
    public void UpstreamError(string message) => Interlocked.CompareExchange(ref _upstreamError, message, null);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

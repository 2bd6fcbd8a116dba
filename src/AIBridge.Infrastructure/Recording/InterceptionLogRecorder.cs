using System.Globalization;
using System.Text.Json;
using AIBridge.Application.Gateway.Recording;
using Microsoft.Extensions.Logging;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// <c>AIBridge:InterceptionLogs</c>: every interception record is also one structured log line,
/// message <c>interception log</c>, whose first field is <c>record_type</c>, with the field names of
/// Coder's interception log contract. Written before the record is queued, so a SIEM still sees a
/// record that the queue later drops. Thread ids are left out: only the database resolves lineage.
/// </summary>
public sealed class InterceptionLogRecorder(IRecorder inner, ILogger<InterceptionLogRecorder> logger) : IRecorder
{
    public const string Message = "interception log";

    private static readonly EventId Event = new(1, "InterceptionLog");

    public bool Enqueue(RecordedItem item)
    {
        if (logger.IsEnabled(LogLevel.Information) && Fields(item) is { } fields)
        {
            fields.Add(new("{OriginalFormat}", Message));
            logger.Log(LogLevel.Information, Event, fields, null, static (_, _) => Message);
        }

        return inner.Enqueue(item);
    }

    public void CountParseAbandoned() => inner.CountParseAbandoned();

    public long BeginResponse(Guid initiatorId, DateTime interceptionStartedAt) => inner.BeginResponse(initiatorId, interceptionStartedAt);

    public void EndResponse(long ticket) => inner.EndResponse(ticket);

    /// <summary>The line's fields in order, or null for records that are not about an interception.</summary>
    internal static List<KeyValuePair<string, object?>>? Fields(RecordedItem item) => item switch
    {
        InterceptionStarted { Interception: var i } started =>
        [
            new("record_type", "interception_start"), new("interception_id", i.Id), new("initiator_id", i.InitiatorId), new("api_key_id", i.ApiKeyId ?? ""),
            new("provider", i.Provider), new("model", i.Model), new("client", i.Client ?? ""), new("client_session_id", i.ClientSessionId ?? ""),
            new("started_at", Time(i.StartedAt)), new("metadata", Json(i.Metadata)), new("correlating_tool_call_id", started.CorrelatingToolCallId ?? ""),
        ],
        InterceptionEnded ended => [new("record_type", "interception_end"), new("interception_id", ended.Id), new("ended_at", Time(ended.EndedAt))],
        TokenUsageRecorded { Usage: var u } =>
        [
            new("record_type", "token_usage"), new("interception_id", u.InterceptionId), new("msg_id", u.ProviderResponseId), new("input_tokens", u.InputTokens),
            new("output_tokens", u.OutputTokens), new("cache_read_input_tokens", u.CacheReadInputTokens),
            new("cache_write_input_tokens", u.CacheWriteInputTokens), new("created_at", Time(u.CreatedAt)), new("metadata", Json(u.Metadata)),
        ],
        UserPromptRecorded { Prompt: var p } =>
        [
            new("record_type", "prompt_usage"), new("interception_id", p.InterceptionId), new("msg_id", p.ProviderResponseId), new("prompt", p.Prompt),
            new("created_at", Time(p.CreatedAt)), new("metadata", Json(p.Metadata)),
        ],
        ToolUsageRecorded { Tool: var t } =>
        [
            new("record_type", "tool_usage"), new("interception_id", t.InterceptionId), new("msg_id", t.ProviderResponseId),
            new("tool_call_id", t.ProviderToolCallId ?? ""), new("item_id", t.ProviderItemId ?? ""), new("tool", t.Tool), new("input", t.Input),
            new("server_url", t.ServerUrl ?? ""), new("injected", t.Injected), new("invocation_error", t.InvocationError ?? ""),
            new("created_at", Time(t.CreatedAt)), new("metadata", Json(t.Metadata)),
        ],
        ModelThoughtRecorded { Thought: var m } =>
        [
            new("record_type", "model_thought"), new("interception_id", m.InterceptionId), new("content", m.Content), new("created_at", Time(m.CreatedAt)),
            new("metadata", Json(m.Metadata)),
        ],
        _ => null,
    };

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Metadata is stored as JSON text and logged as the object it is.</summary>
    private static JsonElement Json(string? metadata)
    {
        using var document = JsonDocument.Parse(string.IsNullOrEmpty(metadata) ? "{}" : metadata);
        return document.RootElement.Clone();
    }
}

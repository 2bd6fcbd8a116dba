using System.Text;
using System.Text.Json;

namespace AIBridge.Application.Gateway.Parsing;

/// <summary>OpenAI Chat Completions, streamed or not: usage and every tool call of every choice.</summary>
public sealed class ChatParser(IResponseSink sink) : ResponseParser(sink)
{
    // Streamed tool calls, accumulated per (choice index, tool-call index) until the choice finishes.
    private readonly SortedDictionary<(long Choice, long Index), PendingCall> _pending = [];
    private JsonElement? _usage;
    private bool _usageReported;

    /// <summary>
    /// A chunk is read while the response id is unknown, while tool calls are pending, or when it names
    /// tool calls or has a usage object; the rest are text. A key cannot hide inside string content,
    /// where its quotes would be escaped.
    /// </summary>
    protected override bool Wants(string? eventName, ReadOnlySpan<byte> data) =>
        ResponseId.Length == 0 || _pending.Count > 0 || data.IndexOf("\"tool_calls\""u8) >= 0 || data.IndexOf("\"error\""u8) >= 0 || HasUsageObject(data);

    private static bool HasUsageObject(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> key = "\"usage\""u8;
        for (var at = data.IndexOf(key); at >= 0; at = data.IndexOf(key))
        {
            data = data[(at + key.Length)..];
            var value = data.TrimStart(" \t\r\n:"u8);
            if (!value.IsEmpty && value[0] != (byte)'n')
            {
                return true;
            }
        }

        return false;
    }

    protected override void OnEvent(string? eventName, JsonElement data)
    {
        if (UpstreamErrorText.From(data) is { } error)
        {
            Sink.UpstreamError(error);
        }

        if (string.IsNullOrEmpty(ResponseId) && data.Str("id") is { Length: > 0 } id)
        {
            ResponseId = id;
        }

        foreach (var choice in data.Member("choices").Items())
        {
            var choiceIndex = choice.Path("index").Long();
            foreach (var delta in choice.Path("delta", "tool_calls").Items())
            {
                var key = (choiceIndex, delta.Path("index").Long());
                if (!_pending.TryGetValue(key, out var call))
                {
                    _pending[key] = call = new PendingCall();
                }

                call.Add(delta);
            }

            if (choice.Member("finish_reason") is not null)
            {
                ReportCalls(choiceIndex);
            }
        }

        _usage = data.Member("usage")?.Clone() ?? _usage;
    }

    protected override void OnBody(JsonElement body)
    {
        ResponseId = body.Str("id") ?? "";
        foreach (var call in body.Member("choices").Items().SelectMany(c => c.Path("message", "tool_calls").Items()))
        {
            var pending = new PendingCall();
            pending.Add(call);
            Report(pending);
        }

        _usage = body.Member("usage")?.Clone();
        Complete();
    }

    public override void Complete()
    {
        foreach (var key in _pending.Keys.ToList())
        {
            Report(_pending[key]);
        }

        _pending.Clear();
        if (!_usageReported && _usage is { } usage)
        {
            _usageReported = true;
            Sink.Usage(OpenAIUsage.Chat(ResponseId, usage));
        }
    }

    private void ReportCalls(long choiceIndex)
    {
        foreach (var key in _pending.Keys.Where(k => k.Choice == choiceIndex).ToList())
        {
            Report(_pending[key]);
            _pending.Remove(key);
        }
    }

    private void Report(PendingCall call) =>
        Sink.ToolCall(new ParsedToolCall(ResponseId, call.Id, null, call.Name ?? "", ToolInput.Normalize(call.Arguments.ToString())));

    /// <summary>A <c>function</c> or <c>custom</c> tool call; id and name come from the first delta that has them.</summary>
    private sealed class PendingCall
    {
        public string? Id { get; private set; }

        public string? Name { get; private set; }

        public StringBuilder Arguments { get; } = new();

        public void Add(JsonElement delta)
        {
            Id ??= delta.Str("id") is { Length: > 0 } id ? id : null;
            var body = delta.Member("function") ?? delta.Member("custom");
            if (body is not { } b)
            {
                return;
            }

            Name ??= b.Str("name") is { Length: > 0 } name ? name : null;
            Arguments.Append(b.Member("arguments").RawOrString() ?? b.Member("input").RawOrString());
        }
    }
}

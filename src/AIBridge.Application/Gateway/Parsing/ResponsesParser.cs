using System.Text.Json;

namespace AIBridge.Application.Gateway.Parsing;

/// <summary>OpenAI Responses, streamed or not: usage of the final response, client tool calls, reasoning and commentary.</summary>
public sealed class ResponsesParser(IResponseSink sink) : ResponseParser(sink)
{
    // Client-executed built-ins, recorded under their type without "_call".
    private static readonly string[] ClientBuiltIns = ["local_shell_call", "shell_call", "apply_patch_call", "computer_call"];

    private readonly HashSet<string> _seenItems = new(StringComparer.Ordinal);
    private bool _usageReported;

    /// <summary>Only these events are read; the many deltas repeat what their item's <c>done</c> event carries whole.</summary>
    protected override bool Wants(string? eventName, ReadOnlySpan<byte> data) => eventName is null or
        "response.created" or "response.in_progress" or "response.output_item.done" or "response.completed" or "response.incomplete" or "response.failed" or "error";

    protected override void OnEvent(string? eventName, JsonElement data)
    {
        switch (data.Str("type") ?? eventName)
        {
            case "response.created" or "response.in_progress":
                ResponseId = data.Path("response")?.Str("id") ?? ResponseId;
                break;
            case "response.output_item.done":
                if (data.Member("item") is { } item)
                {
                    OnItem(item);
                }

                break;
            case "response.completed" or "response.incomplete" or "response.failed":
                if (data.Member("response") is { } response)
                {
                    OnResponse(response);
                }

                break;
            case "error":
                if (UpstreamErrorText.From(data) is { } error)
                {
                    Sink.UpstreamError(error);
                }

                break;
        }
    }

    protected override void OnBody(JsonElement body) => OnResponse(body);

    public override void Complete()
    {
    }

    /// <summary>The terminal response object: its usage, and any output item not already seen in the stream.</summary>
    private void OnResponse(JsonElement response)
    {
        if (response.Str("status") == "failed" && UpstreamErrorText.From(response) is { } error)
        {
            Sink.UpstreamError(error);
        }

        ResponseId = response.Str("id") ?? ResponseId;
        foreach (var item in response.Member("output").Items())
        {
            OnItem(item);
        }

        if (!_usageReported && response.Member("usage") is { } usage)
        {
            _usageReported = true;
            Sink.Usage(OpenAIUsage.Responses(ResponseId, usage));
        }
    }

    private void OnItem(JsonElement item)
    {
        var id = item.Str("id");
        if (id is not null && !_seenItems.Add(id))
        {
            return;
        }

        var type = item.Str("type");
        switch (type)
        {
            case "function_call":
                Call(item, item.Str("name"), item.Member("arguments").RawOrString());
                break;
            case "custom_tool_call":
                Call(item, item.Str("name"), item.Member("input").RawOrString());
                break;
            case not null when ClientBuiltIns.Contains(type):
                Call(item, type[..^"_call".Length], (item.Member("action") ?? item.Member("operation"))?.GetRawText());
                break;
            case "reasoning":
                foreach (var summary in item.Member("summary").Items())
                {
                    Thought(summary.Str("text"), "reasoning_summary");
                }

                break;
            case "message" when item.Str("role") == "assistant" && item.Str("phase") == "commentary":
                foreach (var part in item.Member("content").Items().Where(p => p.Str("type") == "output_text"))
                {
                    Thought(part.Str("text"), "commentary");
                }

                break;
        }
    }

    private void Call(JsonElement item, string? tool, string? input) =>
        Sink.ToolCall(new ParsedToolCall(ResponseId, item.Str("call_id"), item.Str("id"), tool ?? "", ToolInput.Normalize(input)));

    private void Thought(string? text, string source)
    {
        if (!string.IsNullOrEmpty(text))
        {
            Sink.Thought(text, source);
        }
    }
}

using System.Text;
using System.Text.Json;

namespace AIBridge.Application.Gateway.Parsing;

/// <summary>Anthropic Messages, streamed or not: usage, <c>tool_use</c> blocks and thinking.</summary>
public sealed class AnthropicParser(IResponseSink sink) : ResponseParser(sink)
{
    private readonly Dictionary<long, Block> _blocks = [];
    private JsonElement? _startUsage;
    private JsonElement? _lastDeltaUsage;
    private bool _usageReported;

    /// <summary>Text deltas and pings carry nothing recorded; a tool or thinking block's deltas do.</summary>
    protected override bool Wants(string? eventName, ReadOnlySpan<byte> data) => eventName switch
    {
        "ping" => false,
        "content_block_delta" => AnyBlockTakesDeltas(),
        _ => true,
    };

    // A loop, not LINQ: this runs for every text delta, and Any would allocate an enumerator each time.
    private bool AnyBlockTakesDeltas()
    {
        foreach (var block in _blocks.Values)
        {
            if (block.Type is "tool_use" or "thinking")
            {
                return true;
            }
        }

        return false;
    }

    protected override void OnEvent(string? eventName, JsonElement data)
    {
        switch (data.Str("type") ?? eventName)
        {
            case "error":
                if (UpstreamErrorText.From(data) is { } error)
                {
                    Sink.UpstreamError(error);
                }

                break;
            case "message_start":
                ResponseId = data.Path("message")?.Str("id") ?? ResponseId;
                _startUsage = data.Path("message", "usage")?.Clone();
                break;
            case "content_block_start":
                if (data.Member("content_block") is { } start)
                {
                    _blocks[data.Path("index").Long()] = new Block(start.Str("type"), start.Str("id"), start.Str("name"), start.Member("input")?.GetRawText(), start.Str("thinking"));
                }

                break;
            case "content_block_delta":
                if (_blocks.TryGetValue(data.Path("index").Long(), out var block) && data.Member("delta") is { } delta)
                {
                    block.Append(delta.Str("partial_json") ?? delta.Str("thinking"));
                }

                break;
            case "content_block_stop":
                if (_blocks.Remove(data.Path("index").Long(), out var done))
                {
                    Report(done.Type, done.Id, done.Name, done.Type == "tool_use" ? done.Text ?? done.StartInput : done.Text ?? done.StartThinking);
                }

                break;
            case "message_delta":
                _lastDeltaUsage = data.Member("usage")?.Clone() ?? _lastDeltaUsage;
                break;
            case "message_stop":
                ReportUsage();
                break;
        }
    }

    protected override void OnBody(JsonElement body)
    {
        ResponseId = body.Str("id") ?? "";
        foreach (var block in body.Member("content").Items())
        {
            Report(block.Str("type"), block.Str("id"), block.Str("name"), block.Member("input")?.GetRawText() ?? block.Str("thinking"));
        }

        _startUsage = body.Member("usage")?.Clone();
        ReportUsage();
    }

    public override void Complete() => ReportUsage();

    private void Report(string? type, string? id, string? name, string? content)
    {
        if (type == "tool_use")
        {
            Sink.ToolCall(new ParsedToolCall(ResponseId, id, null, name ?? "", ToolInput.Normalize(content)));
        }
        else if (type == "thinking" && !string.IsNullOrEmpty(content))
        {
            Sink.Thought(content, "thinking");
        }
    }

    /// <summary>Input and cache counts from <c>message_start</c>; output and server tool use from the last <c>message_delta</c>.</summary>
    private void ReportUsage()
    {
        if (_usageReported || _startUsage is not { } start)
        {
            return;
        }

        _usageReported = true;
        var delta = _lastDeltaUsage;
        var output = delta?.Member("output_tokens") is { } deltaOutput ? deltaOutput.Long() : start.Long("output_tokens");
        var webSearch = delta?.Path("server_tool_use") is not null ? delta.Value.Long("server_tool_use", "web_search_requests") : start.Long("server_tool_use", "web_search_requests");
        var cacheRead = start.Long("cache_read_input_tokens");
        var cacheWrite = start.Long("cache_creation_input_tokens");
        Sink.Usage(new ParsedUsage(ResponseId, start.Long("input_tokens"), output, cacheRead, cacheWrite, new Dictionary<string, long>
        {
            ["web_search_requests"] = webSearch,
            ["cache_creation_input"] = cacheWrite,
            ["cache_read_input"] = cacheRead,
            [ParsedUsage.OneHourCacheWrites] = start.Long("cache_creation", "ephemeral_1h_input_tokens"),
            ["cache_ephemeral_5m_input"] = start.Long("cache_creation", "ephemeral_5m_input_tokens"),
        }));
    }

    private sealed class Block(string? type, string? id, string? name, string? startInput, string? startThinking)
    {
        private StringBuilder? _text;

        public string? Type => type;

        public string? Id => id;

        public string? Name => name;

        public string? StartInput => startInput;

        public string? StartThinking => startThinking;

        /// <summary>The concatenated fragments, or null when none came.</summary>
        public string? Text => _text?.ToString();

        public void Append(string? fragment)
        {
            if (fragment is not null)
            {
                (_text ??= new StringBuilder()).Append(fragment);
            }
        }
    }
}

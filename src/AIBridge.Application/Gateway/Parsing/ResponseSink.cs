namespace AIBridge.Application.Gateway.Parsing;

/// <summary>A client tool call the model made.</summary>
/// <param name="Input">Valid JSON text (see <see cref="ToolInput.Normalize"/>).</param>
public sealed record ParsedToolCall(string ResponseId, string? CallId, string? ItemId, string Tool, string Input);

/// <summary>The one usage row of a response: input excludes cached tokens.</summary>
/// <param name="Metadata">Provider extras, every key always present.</param>
public sealed record ParsedUsage(string ResponseId, long Input, long Output, long CacheRead, long CacheWrite, IReadOnlyDictionary<string, long> Metadata)
{
    /// <summary>The metadata key of the cache writes kept for an hour, which are priced apart.</summary>
    public const string OneHourCacheWrites = "cache_ephemeral_1h_input";
}

/// <summary>What a parser reports as it reads a response. Calls arrive as soon as each is complete.</summary>
public interface IResponseSink
{
    void ToolCall(ParsedToolCall call);

    /// <param name="source"><c>thinking</c>, <c>reasoning_summary</c> or <c>commentary</c>.</param>
    void Thought(string content, string source);

    void Usage(ParsedUsage usage);

    /// <summary>The provider reported a failure: in a non-2xx body, or as an error event in a stream that had started.</summary>
    void UpstreamError(string message)
    {
    }
}

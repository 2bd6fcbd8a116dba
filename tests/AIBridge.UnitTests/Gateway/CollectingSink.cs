using AIBridge.Application.Gateway.Parsing;

namespace AIBridge.UnitTests.Gateway;

/// <summary>Keeps what a parser reports, in order.</summary>
internal sealed class CollectingSink : IResponseSink
{
    public List<ParsedToolCall> Calls { get; } = [];

    public List<(string Content, string Source)> Thoughts { get; } = [];

    public List<ParsedUsage> Usages { get; } = [];

    public void ToolCall(ParsedToolCall call) => Calls.Add(call);

    public void Thought(string content, string source) => Thoughts.Add((content, source));

    public void Usage(ParsedUsage usage) => Usages.Add(usage);
}

using System.Reflection;

namespace AIBridge.TestSupport;

/// <summary>
/// Small synthetic provider requests and responses shaped like real captured traffic (trailing spaces
/// after JSON, pings, comments, obfuscation fields, usage-null chunks), kept as files in <c>Fixtures/</c>
/// so that tests and tools read the same bytes.
/// </summary>
public static class ProviderFixtures
{
    public static string AnthropicRequest { get; } = Read("anthropic-request.json");

    public static string AnthropicStream { get; } = Read("anthropic-stream.sse");

    public static string AnthropicMessage { get; } = Read("anthropic-message.json");

    public static string AnthropicOverloaded { get; } = Read("anthropic-overloaded.sse");

    public static string ChatRequest { get; } = Read("chat-request.json");

    public static string ChatStream { get; } = Read("chat-stream.sse");

    public static string ChatCompletion { get; } = Read("chat-completion.json");

    public static string ResponsesRequest { get; } = Read("responses-request.json");

    public static string ResponsesStream { get; } = Read("responses-stream.sse");

    public static string ResponsesBody { get; } = Read("responses-body.json");

    /// <summary>A fixture file as its text.</summary>
    public static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Fixtures/" + name)
            ?? throw new FileNotFoundException($"No fixture named {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

namespace AIBridge.Benchmarks;

/// <summary>One of G1's (or R1's) streamed requests, and how each target is addressed and authenticated for it.</summary>
/// <param name="Answer">Which of the fake provider's long answers to ask for (<see cref="AnswerHeader"/>); its short G1 stream when null.</param>
public sealed record StreamKind(string Name, string Path, string BridgePath, string PortkeyProvider, string Body, string? Answer = null)
{
    /// <summary>Relayed by every proxy like any other header: the fake provider answers by it.</summary>
    public const string AnswerHeader = "X-Bench-Answer";

    public const string AnthropicKey = "sk-ant-bench-central-key";
    public const string OpenAIKey = "sk-openai-bench-central-key";

    public static readonly StreamKind Anthropic = new("anthropic", "/v1/messages", "/api/v2/aibridge/anthropic/v1/messages", "anthropic",
        """{"model":"claude-bench","stream":true,"max_tokens":1024,"messages":[{"role":"user","content":"benchmark prompt"}]}""");

    public static readonly StreamKind Chat = new("openai-chat", "/v1/chat/completions", "/api/v2/aibridge/openai/v1/chat/completions", "openai",
        """{"model":"gpt-bench","stream":true,"messages":[{"role":"user","content":"benchmark prompt"}]}""");

    public static readonly StreamKind Responses = new("openai-responses", "/v1/responses", "/api/v2/aibridge/openai/v1/responses", "openai",
        """{"model":"gpt-bench","stream":true,"input":"benchmark prompt"}""");

    public static readonly StreamKind[] All = [Anthropic, Chat, Responses];

    /// <summary>R1: late turns of coding-agent sessions (<see cref="AgentTurns"/>), answered by long streams ending in a tool call.</summary>
    public static readonly StreamKind[] Realistic =
    [
        .. new[] { ("50k", 50_000), ("250k", 250_000), ("1m", 1_000_000) }.Select(size => new StreamKind($"claude-code-{size.Item1}", Anthropic.Path,
            Anthropic.BridgePath, "anthropic", AgentTurns.ClaudeCode(size.Item2), "claude-code")),
        new("codex-250k", Responses.Path, Responses.BridgePath, "openai", AgentTurns.Codex(250_000), "codex"),
    ];

    private bool IsAnthropic => PortkeyProvider == "anthropic";

    /// <summary>The provider's own credential, as a client calling it directly sends it.</summary>
    public Dictionary<string, string> ProviderHeaders() => WithAnswer(IsAnthropic
        ? new() { ["X-Api-Key"] = AnthropicKey, ["anthropic-version"] = "2023-06-01" }
        : new() { ["Authorization"] = "Bearer " + OpenAIKey });

    public Dictionary<string, string> BridgeHeaders(string token) => WithAnswer(IsAnthropic
        ? new() { ["X-Api-Key"] = token, ["anthropic-version"] = "2023-06-01" }
        : new() { ["Authorization"] = "Bearer " + token });

    private Dictionary<string, string> WithAnswer(Dictionary<string, string> headers)
    {
        if (Answer is not null)
        {
            headers[AnswerHeader] = Answer;
        }

        return headers;
    }

    /// <summary>Portkey relays to the provider named by headers, here the fake provider as a custom host.</summary>
    public Dictionary<string, string> PortkeyHeaders(string providerBaseUrl)
    {
        var headers = ProviderHeaders();
        headers["x-portkey-provider"] = PortkeyProvider;
        headers["x-portkey-custom-host"] = providerBaseUrl + "/v1";
        return headers;
    }
}

namespace AIBridge.Application.Gateway.Requests;

/// <summary>What the gateway reads from a bridged request (see <see cref="RequestInspection"/>).</summary>
/// <param name="Streaming">The body's <c>stream</c> is the JSON literal <c>true</c>.</param>
/// <param name="Model">The requested model, <c>unknown</c> when missing or not a string.</param>
/// <param name="Background">A Responses request asking for background processing (unsupported).</param>
/// <param name="Prompt">The human prompt of the final turn, if any.</param>
/// <param name="CorrelatingToolCallId">The tool call the final turn answers, for thread lineage.</param>
/// <param name="Client">The detected client.</param>
/// <param name="ClientSessionId">The session id the client sent, if any.</param>
/// <param name="SystemHash">The system prompt's fingerprint (<see cref="RequestFingerprint"/>), if it has one.</param>
/// <param name="ToolsHash">The tool definitions' fingerprint, if it has any.</param>
/// <param name="MaxOutputTokens">The most output the request allows (<c>max_tokens</c>, <c>max_completion_tokens</c>, <c>max_output_tokens</c>), if it says.</param>
public sealed record BridgedRequest(bool Streaming, string Model, bool Background, string? Prompt, string? CorrelatingToolCallId,
    string Client, string? ClientSessionId, string? SystemHash = null, string? ToolsHash = null, long? MaxOutputTokens = null)
{
    public const string UnknownModel = "unknown";
}

using System.Text.Json;

namespace AIBridge.Application.Gateway.Requests;

/// <summary>The session id a client puts on its requests; each client has its own source.</summary>
public static class ClientSessionId
{
    /// <param name="metadataUserId">The body's <c>metadata.user_id</c>, read only when needed.</param>
    public static string? Extract(string client, Func<string, string?> header, Func<string?> metadataUserId) => Trimmed(client switch
    {
        ClientDetector.ClaudeCode => Trimmed(header("X-Claude-Code-Session-Id")) ?? FromClaudeUserId(metadataUserId()),
        ClientDetector.Codex => Trimmed(header("session-id")) ?? header("session_id"),
        ClientDetector.Mux => header("X-Mux-Workspace-Id"),
        ClientDetector.CopilotVsCode => header("x-interaction-id"),
        ClientDetector.CopilotCli => header("X-Client-Session-Id"),
        ClientDetector.KiloCode => header("X-KILOCODE-TASKID"),
        ClientDetector.CoderAgents => header("X-Coder-Chat-Id"),
        ClientDetector.OpenCode => Trimmed(header("X-OpenCode-Session")) ?? header("x-session-affinity"),
        _ => null,
    });

    /// <summary>
    /// Claude Code's <c>metadata.user_id</c>: a JSON object with <c>session_id</c> (current), or
    /// <c>user_&lt;hash&gt;_account_&lt;id&gt;_session_&lt;uuid&gt;</c> (legacy).
    /// </summary>
    private static string? FromClaudeUserId(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text.TrimStart().StartsWith('{'))
        {
            try
            {
                using var inner = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = GatewayJson.MaxDepth });
                return inner.RootElement.ValueKind == JsonValueKind.Object
                    && inner.RootElement.TryGetProperty("session_id", out var id) && id.ValueKind == JsonValueKind.String
                    ? id.GetString()
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        var marker = text.IndexOf("_session_", StringComparison.Ordinal);
        return marker < 0 ? null : text[(marker + "_session_".Length)..];
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

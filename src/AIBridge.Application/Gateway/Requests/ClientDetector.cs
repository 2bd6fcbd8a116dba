namespace AIBridge.Application.Gateway.Requests;

/// <summary>Which coding agent sent a request, from its User-Agent and a few headers.</summary>
public static class ClientDetector
{
    public const string Unknown = "Unknown";
    public const string ClaudeCode = "Claude Code";
    public const string Codex = "Codex";
    public const string Mux = "Mux";
    public const string CopilotVsCode = "GitHub Copilot (VS Code)";
    public const string CopilotCli = "GitHub Copilot (CLI)";
    public const string KiloCode = "Kilo Code";
    public const string CoderAgents = "Coder Agents";
    public const string OpenCode = "OpenCode";

    // First match wins; the order is the spec's.
    private static readonly (string[] Prefixes, string? Originator, string Client)[] ByUserAgent =
    [
        (["mux/", "xum/"], null, Mux),
        (["claude"], null, ClaudeCode),
        (["codex"], null, Codex),
        (["zed/"], null, "Zed"),
        (["githubcopilotchat/"], null, CopilotVsCode),
        (["copilot/"], null, CopilotCli),
        (["kilo-code/"], "kilo-code", KiloCode),
        (["roo-code/"], "roo-code", "Roo Code"),
        (["coder-agents/"], null, CoderAgents),
        (["charm crush/", "charm-crush/"], null, "Charm Crush"),
    ];

    public static string Detect(Func<string, string?> header)
    {
        var userAgent = (header("User-Agent") ?? "").ToLowerInvariant();
        var originator = header("originator");
        foreach (var (prefixes, byOriginator, client) in ByUserAgent)
        {
            if (prefixes.Any(p => userAgent.StartsWith(p, StringComparison.Ordinal)) || (byOriginator is not null && originator == byOriginator))
            {
                return client;
            }
        }

        if (!string.IsNullOrEmpty(header("x-cursor-client-version")))
        {
            return "Cursor";
        }

        return userAgent.StartsWith("opencode/", StringComparison.Ordinal) ? OpenCode
            : userAgent.StartsWith("junie:", StringComparison.Ordinal) ? "Junie"
            : Unknown;
    }
}

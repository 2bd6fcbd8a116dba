using System.Text.RegularExpressions;

namespace AIBridge.Web.Logging;

/// <summary>Query-string credentials, as clients put them in URLs that the server and its libraries log.</summary>
public static partial class SecretRedaction
{
    public const string Redacted = "[REDACTED]";

    /// <summary>The text with the value of every credential-like query parameter replaced.</summary>
    public static string Redact(string text) => MightHoldSecret(text) ? QueryCredential().Replace(text, Redacted) : text;

    public static bool MightHoldSecret(string text) => text.Contains('=', StringComparison.Ordinal) && QueryCredential().IsMatch(text);

    [GeneratedRegex(@"(?<=(?:^|[?&;\s])(?:coder_session_token|session_token|access_token|refresh_token|id_token|api_key|api-key|apikey|x-api-key|key|token|auth|authorization|password|secret|client_secret|sig|signature)=)[^&#\s""']*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueryCredential();
}

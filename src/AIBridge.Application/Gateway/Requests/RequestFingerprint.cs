using System.IO.Hashing;

namespace AIBridge.Application.Gateway.Requests;

/// <summary>
/// Hashes of the two parts of a request that a prompt cache keys on after the model: the system prompt
/// and the tool definitions. Two turns of a session with the same hash sent the same bytes there, so a
/// cache miss between them has another cause. The hash is of the JSON as sent (XXH128, ADR 0020): not
/// secret, only compared.
/// </summary>
/// <remarks>
/// The system prompt is Anthropic's <c>system</c>; for OpenAI, the <c>system</c> and <c>developer</c>
/// messages, after Responses' <c>instructions</c>. The tool definitions are <c>tools</c>.
/// <see cref="RequestInspection"/> finds those parts.
/// </remarks>
public static class RequestFingerprint
{
    /// <summary>The hash of the parts of <paramref name="json"/> one after the other; null when there are none.</summary>
    public static string? Of(ReadOnlySpan<byte> json, IReadOnlyList<Range> parts)
    {
        if (parts.Count == 0)
        {
            return null;
        }

        var hash = new XxHash128();
        foreach (var part in parts)
        {
            hash.Append(json[part]);
        }

        Span<byte> digest = stackalloc byte[16];
        hash.GetCurrentHash(digest);
        return Convert.ToHexStringLower(digest);
    }
}

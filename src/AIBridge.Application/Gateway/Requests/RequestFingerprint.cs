using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text.Json;
using AIBridge.Application.Gateway.Routing;

namespace AIBridge.Application.Gateway.Requests;

/// <summary>
/// Hashes of the two parts of a request that a prompt cache keys on after the model: the system prompt
/// and the tool definitions. Two turns of a session with the same hash sent the same bytes there, so a
/// cache miss between them has another cause. The hash is of the JSON as sent (XXH128, ADR 0020): not
/// secret, only compared.
/// </summary>
public static class RequestFingerprint
{
    /// <summary>
    /// The system prompt: Anthropic's <c>system</c>; OpenAI's <c>system</c> and <c>developer</c> messages
    /// (and, for Responses, <c>instructions</c>). Null when the request has none.
    /// </summary>
    public static string? System(BridgedApi api, JsonElement body)
    {
        var hash = new XxHash128();
        var found = false;
        if (api == BridgedApi.AnthropicMessages)
        {
            found = Append(hash, body, "system");
        }
        else
        {
            found = api == BridgedApi.Responses && Append(hash, body, "instructions");
            if (body.TryGetProperty(api == BridgedApi.Responses ? "input" : "messages", out var entries) && entries.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in entries.EnumerateArray())
                {
                    if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("role", out var role)
                        && (role.ValueEquals("system"u8) || role.ValueEquals("developer"u8)))
                    {
                        hash.Append(JsonMarshal.GetRawUtf8Value(entry));
                        found = true;
                    }
                }
            }
        }

        return found ? Hex(hash) : null;
    }

    /// <summary>The tool definitions (<c>tools</c>) as sent; null when the request has none.</summary>
    public static string? Tools(JsonElement body)
    {
        var hash = new XxHash128();
        return Append(hash, body, "tools") ? Hex(hash) : null;
    }

    private static bool Append(XxHash128 hash, JsonElement body, string member)
    {
        if (!body.TryGetProperty(member, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        hash.Append(JsonMarshal.GetRawUtf8Value(value));
        return true;
    }

    private static string Hex(XxHash128 hash)
    {
        Span<byte> digest = stackalloc byte[16];
        hash.GetCurrentHash(digest);
        return Convert.ToHexStringLower(digest);
    }
}

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
        if (api == BridgedApi.AnthropicMessages)
        {
            return Of(body, "system");
        }

        // OpenAI's system prompt can be several messages: hashed together, incrementally.
        XxHash128? hash = null;
        if (api == BridgedApi.Responses && Member(body, "instructions") is { } instructions)
        {
            (hash = new XxHash128()).Append(JsonMarshal.GetRawUtf8Value(instructions));
        }

        if (body.TryGetProperty(api == BridgedApi.Responses ? "input" : "messages", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("role", out var role)
                    && (role.ValueEquals("system"u8) || role.ValueEquals("developer"u8)))
                {
                    (hash ??= new XxHash128()).Append(JsonMarshal.GetRawUtf8Value(entry));
                }
            }
        }

        if (hash is null)
        {
            return null;
        }

        Span<byte> digest = stackalloc byte[16];
        hash.GetCurrentHash(digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>The tool definitions (<c>tools</c>) as sent; null when the request has none.</summary>
    public static string? Tools(JsonElement body) => Of(body, "tools");

    private static string? Of(JsonElement body, string member)
    {
        if (Member(body, member) is not { } value)
        {
            return null;
        }

        Span<byte> digest = stackalloc byte[16];
        XxHash128.Hash(JsonMarshal.GetRawUtf8Value(value), digest);
        return Convert.ToHexStringLower(digest);
    }

    private static JsonElement? Member(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}

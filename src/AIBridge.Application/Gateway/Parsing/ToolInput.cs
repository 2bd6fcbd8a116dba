using System.Text.Json;

namespace AIBridge.Application.Gateway.Parsing;

public static class ToolInput
{
    // Stored text, not HTML: quotes stay \" rather than \u0022.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Tool input stored as valid JSON text: JSON as received (trimmed); empty ⇒ <c>{}</c>; anything else
    /// (free-form custom-tool input, truncated arguments) ⇒ a JSON string literal of the raw text.
    /// </summary>
    public static string Normalize(string? raw)
    {
        var trimmed = raw?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "{}";
        }

        try
        {
            using var _ = JsonDocument.Parse(trimmed);
            return trimmed;
        }
        catch (JsonException)
        {
            return JsonSerializer.Serialize(raw, Relaxed);
        }
    }
}

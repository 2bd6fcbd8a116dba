using System.Text.Json;

namespace AIBridge.Application.Gateway.Bedrock;

/// <summary>
/// Bedrock's error answers (<c>{"message": …}</c>, the kind in <c>x-amzn-ErrorType</c>) in Anthropic's error
/// shape, so a client of a <c>bedrock</c> provider gets the errors its SDK knows.
/// </summary>
public static class BedrockError
{
    /// <summary>The Anthropic error body for a Bedrock error of <paramref name="status"/>.</summary>
    /// <param name="errorType">The <c>x-amzn-ErrorType</c> header, e.g. <c>ThrottlingException:http://internal.amazon.com/…</c>.</param>
    public static byte[] ToAnthropic(int status, string? errorType, ReadOnlySpan<byte> body)
    {
        var kind = errorType?.Split(':')[0];
        var message = Message(body) ?? kind ?? $"Bedrock answered {status}";
        var type = (kind, status) switch
        {
            ("ThrottlingException" or "ServiceQuotaExceededException", _) or (_, 429) => "rate_limit_error",
            ("AccessDeniedException", _) or (_, 403) => "permission_error",
            ("UnrecognizedClientException", _) or (_, 401) => "authentication_error",
            ("ResourceNotFoundException", _) or (_, 404) => "not_found_error",
            ("ServiceUnavailableException", _) or (_, 503) => "overloaded_error",
            ("ModelTimeoutException", _) or (_, 408) => "timeout_error",
            (_, >= 400 and < 500) => "invalid_request_error",
            _ => "api_error",
        };
        return JsonSerializer.SerializeToUtf8Bytes(new { type = "error", error = new { type, message } });
    }

    /// <summary>Bedrock's <c>message</c> (or <c>Message</c>), when the body is JSON that has one.</summary>
    private static string? Message(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            foreach (var name in (string[])["message", "Message"])
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
                    && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

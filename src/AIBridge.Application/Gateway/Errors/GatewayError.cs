using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using AIBridge.Application.Gateway.Providers;

namespace AIBridge.Application.Gateway.Errors;

/// <summary>
/// An error the gateway itself answers, in the caller's provider format so SDKs show it properly
///. Upstream errors are never rewritten into these.
/// </summary>
public sealed record GatewayError(int Status, string AnthropicType, string OpenAIType, string OpenAICode, string Message)
{
    public static GatewayError EmptyBody() => new(400, "invalid_request_error", "invalid_request_error", "invalid_json", "empty request body");

    public static GatewayError InvalidJson(string reason) =>
        new(400, "invalid_request_error", "invalid_request_error", "invalid_json", $"invalid JSON request body: {reason}");

    public static GatewayError InvalidBody(string reason) =>
        new(400, "invalid_request_error", "invalid_request_error", "invalid_body", $"invalid request body: {reason}");

    public static GatewayError InvalidPath(string reason) =>
        new(400, "invalid_request_error", "invalid_request_error", "invalid_path", $"invalid request path: {reason}");

    public static GatewayError Unauthenticated(string message) =>
        new(401, "authentication_error", "invalid_request_error", "invalid_api_key", message);

    public static GatewayError ByokDisabled() =>
        new(403, "permission_error", "invalid_request_error", "byok_not_enabled", "Bring Your Own Key (BYOK) mode is not enabled.");

    public static GatewayError RouteNotSupported(string method, string path) =>
        new(404, "not_found_error", "invalid_request_error", "route_not_found", $"route not supported: {method} {path}");

    public static GatewayError TooLarge(long limit) =>
        new(413, "request_too_large", "invalid_request_error", "request_too_large", $"request body exceeds {limit} bytes");

    public static GatewayError BackgroundUnsupported() =>
        new(501, "invalid_request_error", "invalid_request_error", "unsupported_parameter", "background requests are currently not supported by AIBridge");

    public static GatewayError Unreachable(string provider) =>
        new(502, "api_error", "server_error", "bad_gateway", $"upstream provider \"{provider}\" is unreachable");

    public static GatewayError ProxyError() => new(502, "api_error", "server_error", "bad_gateway", "upstream proxy error");

    public static GatewayError ShuttingDown() => new(503, "api_error", "server_error", "service_unavailable", "AIBridge is shutting down");

    public static GatewayError AuthUnavailable() =>
        new(503, "api_error", "server_error", "service_unavailable", "authentication is temporarily unavailable");

    public static GatewayError Timeout(string provider) =>
        new(504, "timeout_error", "server_error", "gateway_timeout", $"upstream provider \"{provider}\" did not respond in time");

    /// <summary>The user's monthly budget is spent: a rate-limit error the SDKs know, to retry when the month renews.</summary>
    public static GatewayError BudgetExhausted(string message, long retryAfterSeconds) =>
        new(429, "rate_limit_error", "insufficient_quota", "insufficient_quota", message) { RetryAfterSeconds = retryAfterSeconds };

    /// <summary>The user's requests per minute are spent: the SDKs' rate-limit error, with when to ask again.</summary>
    public static GatewayError RateLimited(string message, long retryAfterSeconds) =>
        new(429, "rate_limit_error", "requests", "rate_limit_exceeded", message) { RetryAfterSeconds = retryAfterSeconds };

    /// <summary>Too many requests in progress, the user's or the process's: the SDKs' overloaded error.</summary>
    public static GatewayError Overloaded(string message, long retryAfterSeconds) =>
        new(503, "overloaded_error", "server_error", "service_unavailable", message) { RetryAfterSeconds = retryAfterSeconds };

    /// <summary>The provider's circuit breaker is open: the SDKs' own retries may come after <paramref name="timeoutSeconds"/>.</summary>
    public static GatewayError CircuitOpen(long timeoutSeconds) =>
        new(503, "overloaded_error", "server_error", "service_unavailable", "circuit breaker is open") { RetryAfterSeconds = timeoutSeconds };

    /// <summary>A stored provider that is switched off, or whose settings could not be built into a working provider.</summary>
    public static GatewayError ProviderUnavailable(string provider, string reason) =>
        new(503, "api_error", "server_error", "service_unavailable", $"provider \"{provider}\" is unavailable: {reason}");

    /// <summary>Every key of the provider's pool is cooling down after a 429: ask again when the first one is usable.</summary>
    public static GatewayError KeysCoolingDown(string provider, long retryAfterSeconds) =>
        new(429, "rate_limit_error", "requests", "rate_limit_exceeded", $"every API key of provider \"{provider}\" is rate limited")
        {
            RetryAfterSeconds = retryAfterSeconds,
        };

    /// <summary>Every key of the provider's pool was refused by the upstream (401) and stays out until the keys change.</summary>
    public static GatewayError NoValidKey(string provider) =>
        new(502, "api_error", "server_error", "bad_gateway", $"no valid API key for provider {provider}");

    public static GatewayError Internal() => new(500, "api_error", "server_error", "internal_error", "internal error");

    /// <summary>Sent as <c>Retry-After</c>: when asking again can succeed.</summary>
    public long? RetryAfterSeconds { get; init; }

    /// <summary>
    /// Whether an SDK's automatic retries, seconds apart, can succeed: not for a refused token, nor for a
    /// spent budget, which waits for the month to renew.
    /// </summary>
    public bool SdkRetryCanHelp => Status is not (401 or 403) && RetryAfterSeconds is null;

    /// <summary>The JSON body in the format of <paramref name="type"/>.</summary>
    public byte[] Body(ProviderType type)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (type == ProviderType.Anthropic)
            {
                json.WriteString("type", "error");
                json.WriteStartObject("error");
                json.WriteString("type", AnthropicType);
                json.WriteString("message", Message);
            }
            else
            {
                json.WriteStartObject("error");
                json.WriteString("message", Message);
                json.WriteString("type", OpenAIType);
                json.WriteString("code", OpenAICode);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

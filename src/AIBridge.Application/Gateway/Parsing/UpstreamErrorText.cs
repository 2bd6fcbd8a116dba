using System.Text.Json;

namespace AIBridge.Application.Gateway.Parsing;

/// <summary>
/// The provider's own words for a failure, as <c>type: message</c>: Anthropic's
/// <c>{"type":"error","error":{"type","message"}}</c>, OpenAI's <c>{"error":{"message","type","code"}}</c>,
/// a Responses <c>error</c> event's <c>code</c>/<c>message</c>, or a failed response's <c>error</c>.
/// </summary>
internal static class UpstreamErrorText
{
    public static string? From(JsonElement body)
    {
        if (body.Member("error") is { ValueKind: JsonValueKind.Object } error)
        {
            return Join(error.Str("type") ?? error.Str("code"), error.Str("message"));
        }

        if (body.Member("error") is { ValueKind: JsonValueKind.String } text)
        {
            return text.GetString();
        }

        return body.Str("type") == "error" ? Join(body.Str("code"), body.Str("message")) : null;
    }

    private static string? Join(string? type, string? message) => (type, message) switch
    {
        (null, null) => null,
        (null, _) => message,
        (_, null) => type,
        _ => $"{type}: {message}",
    };
}

/// <summary>Reads a non-2xx answer only for the provider's error text, which the interception records.</summary>
public sealed class UpstreamErrorParser(IResponseSink sink) : ResponseParser(sink)
{
    public override void Complete()
    {
    }

    protected override void OnEvent(string? eventName, JsonElement data) => Report(data);

    protected override void OnBody(JsonElement body) => Report(body);

    private void Report(JsonElement body)
    {
        if (UpstreamErrorText.From(body) is { } text)
        {
            Sink.UpstreamError(text);
        }
    }
}

using System.Text.Json;
using AIBridge.Application.Gateway.Errors;
using AIBridge.Application.Gateway.Routing;

namespace AIBridge.Application.Gateway.Requests;

/// <summary>
/// What the gateway reads from a bridged request's body, or why it refuses the body: empty, not a JSON
/// object, broken where it is walked, or holding a string it reads that is not text.
/// </summary>
/// <remarks>
/// The body is walked once, forward (<see cref="JsonOutline"/>): the top-level members the gateway
/// reads are parsed, the conversation's entries are walked far enough to tell instructions from turns,
/// and only the final turn is parsed whole. Everything else is skipped over, not parsed: the provider
/// parses it.
/// </remarks>
/// <param name="Parts">Where the body's members are, for a change to it (<see cref="ChatStreamOptions"/>); null when refused.</param>
public sealed record RequestInspection(BridgedRequest? Request, GatewayError? Error, RequestParts? Parts = null)
{
    private static readonly JsonDocumentOptions TurnOptions = new() { MaxDepth = GatewayJson.MaxDepth };

    public static RequestInspection Of(BridgedApi api, ReadOnlyMemory<byte> body, Func<string, string?> header)
    {
        if (body.IsEmpty)
        {
            return Refused(GatewayError.EmptyBody());
        }

        try
        {
            var parts = RequestParts.Find(api, body.Span);
            return new RequestInspection(Read(api, body, parts, header), null, parts);
        }
        catch (JsonException e)
        {
            return Refused(GatewayError.InvalidJson(e.Message));
        }
        catch (InvalidOperationException)
        {
            // A string's bytes are checked when it is read: invalid UTF-8 or an unpaired surrogate escape
            // surfaces here, in whichever member was read first.
            return Refused(GatewayError.InvalidJson("a string is not valid UTF-8 text or holds an unpaired surrogate escape"));
        }
    }

    private static RequestInspection Refused(GatewayError error) => new(null, error);

    private static BridgedRequest Read(BridgedApi api, ReadOnlyMemory<byte> body, RequestParts parts, Func<string, string?> header)
    {
        var json = body.Span;
        var client = ClientDetector.Detect(header);
        string? prompt;
        string? correlatingToolCallId;
        if (parts.FinalTurn is { } range)
        {
            using var turn = JsonDocument.Parse(body[range], TurnOptions);
            prompt = Conversation.Prompt(api, turn.RootElement);
            correlatingToolCallId = Conversation.CorrelatingToolCallId(api, turn.RootElement);
        }
        else
        {
            prompt = api == BridgedApi.Responses && parts.Entries is { } input ? Conversation.PromptOfText(StringOf(json[input])) : null;
            correlatingToolCallId = null;
        }

        return new BridgedRequest(
            Streaming: parts.Stream is { } stream && json[stream].SequenceEqual("true"u8),
            Model: (parts.Model is { } model ? StringOf(json[model]) : null) ?? BridgedRequest.UnknownModel,
            Background: api == BridgedApi.Responses && parts.Background is { } background && json[background].SequenceEqual("true"u8),
            Prompt: prompt,
            CorrelatingToolCallId: correlatingToolCallId,
            Client: client,
            ClientSessionId: ClientSessionId.Extract(client, header, () => MetadataUserId(body, parts.Metadata)),
            SystemHash: RequestFingerprint.Of(json, parts.System),
            ToolsHash: parts.Tools is { } tools ? RequestFingerprint.Of(json, [tools]) : null,
            MaxOutputTokens: MaxOutputTokens(json, parts.MaxOutputTokens));
    }

    /// <summary>The value if it is a JSON string, decoded; null for any other value.</summary>
    private static string? StringOf(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value[0] != '"')
        {
            return null;
        }

        var reader = new Utf8JsonReader(value);
        reader.Read();
        return reader.GetString();
    }

    /// <summary>The first of the limits, in <see cref="RequestParts.MaxOutputNames"/> order, that is a positive whole number.</summary>
    private static long? MaxOutputTokens(ReadOnlySpan<byte> json, Range?[] limits)
    {
        foreach (var limit in limits)
        {
            if (limit is not { } range)
            {
                continue;
            }

            var reader = new Utf8JsonReader(json[range]);
            if (reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var tokens) && tokens > 0)
            {
                return tokens;
            }
        }

        return null;
    }

    private static string? MetadataUserId(ReadOnlyMemory<byte> body, Range? metadata)
    {
        if (metadata is not { } range || body.Span[range][0] != '{')
        {
            return null;
        }

        using var document = JsonDocument.Parse(body[range], TurnOptions);
        return document.RootElement.TryGetProperty("user_id", out var userId) && userId.ValueKind == JsonValueKind.String ? userId.GetString() : null;
    }
}

using System.Text.Json;
using AIBridge.Application.Gateway.Errors;
using AIBridge.Application.Gateway.Routing;

namespace AIBridge.Application.Gateway.Requests;

/// <summary>
/// A bridged request's body parsed once: what the gateway reads from it, or why it is refused. Owns the
/// parsed document, so that later steps read more of the body without parsing it again; disposing it
/// returns the document's buffers.
/// </summary>
public sealed class RequestInspection : IDisposable
{
    private readonly JsonDocument? _document;

    private RequestInspection(JsonDocument? document, BridgedRequest? request, GatewayError? error)
    {
        _document = document;
        Request = request;
        Error = error;
    }

    /// <summary>Null exactly when <see cref="Error"/> is set.</summary>
    public BridgedRequest? Request { get; }

    /// <summary>Why the body is refused: empty, not a JSON object, or holding a string that is not text.</summary>
    public GatewayError? Error { get; }

    /// <summary>The body's root object; valid until the inspection is disposed.</summary>
    public JsonElement Body => _document?.RootElement ?? throw new InvalidOperationException("A refused body has no document.");

    public static RequestInspection Of(BridgedApi api, ReadOnlyMemory<byte> body, Func<string, string?> header)
    {
        if (body.IsEmpty)
        {
            return Refused(GatewayError.EmptyBody());
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = GatewayJson.MaxDepth });
        }
        catch (JsonException e)
        {
            return Refused(GatewayError.InvalidJson(e.Message));
        }

        var root = document.RootElement;
        if (root.ValueKind is not JsonValueKind.Object and var kind)
        {
            document.Dispose();
            return Refused(GatewayError.InvalidJson($"expected a JSON object, got {kind.ToString().ToLowerInvariant()}"));
        }

        try
        {
            return new RequestInspection(document, Read(api, root, header), null);
        }
        catch (InvalidOperationException)
        {
            // JsonDocument checks a string's bytes only when it is read: invalid UTF-8 or an unpaired
            // surrogate escape surfaces here, in whichever member was read first.
            document.Dispose();
            return Refused(GatewayError.InvalidJson("a string is not valid UTF-8 text or holds an unpaired surrogate escape"));
        }
    }

    public void Dispose() => _document?.Dispose();

    private static RequestInspection Refused(GatewayError error) => new(null, null, error);

    private static BridgedRequest Read(BridgedApi api, JsonElement root, Func<string, string?> header)
    {
        var client = ClientDetector.Detect(header);
        return new BridgedRequest(
            Streaming: root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True,
            Model: root.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String ? model.GetString()! : BridgedRequest.UnknownModel,
            Background: api == BridgedApi.Responses && root.TryGetProperty("background", out var background) && background.ValueKind == JsonValueKind.True,
            Prompt: Conversation.Prompt(api, root),
            CorrelatingToolCallId: Conversation.CorrelatingToolCallId(api, root),
            Client: client,
            ClientSessionId: ClientSessionId.Extract(client, header, root),
            SystemHash: RequestFingerprint.System(api, root),
            ToolsHash: RequestFingerprint.Tools(root),
            MaxOutputTokens: MaxOutputTokens(root));
    }

    private static readonly string[] MaxOutputNames = ["max_tokens", "max_completion_tokens", "max_output_tokens"];

    private static long? MaxOutputTokens(JsonElement root)
    {
        foreach (var name in MaxOutputNames)
        {
            if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var tokens) && tokens > 0)
            {
                return tokens;
            }
        }

        return null;
    }
}

using System.Text.Json;
using AIBridge.Application.Gateway.Errors;
using AIBridge.Application.Gateway.Routing;

namespace AIBridge.Application.Gateway.Requests;

/// <summary>What the gateway reads from a bridged request, its body parsed once (bridge spec §6).</summary>
/// <param name="Streaming">The body's <c>stream</c> is the JSON literal <c>true</c>.</param>
/// <param name="Model">The requested model, <c>unknown</c> when missing or not a string.</param>
/// <param name="Background">A Responses request asking for background processing (unsupported).</param>
/// <param name="Prompt">The human prompt of the final turn, if any.</param>
/// <param name="CorrelatingToolCallId">The tool call the final turn answers, for thread lineage.</param>
/// <param name="Client">The detected client (bridge spec §9.3).</param>
/// <param name="ClientSessionId">The session id the client sent, if any (§9.4).</param>
public sealed record BridgedRequest(bool Streaming, string Model, bool Background, string? Prompt, string? CorrelatingToolCallId,
    string Client, string? ClientSessionId)
{
    public const string UnknownModel = "unknown";

    /// <summary>Parses <paramref name="body"/>; null with <paramref name="error"/> set when it is empty, not a JSON object, or holds a string that is not text.</summary>
    public static BridgedRequest? Inspect(BridgedApi api, ReadOnlyMemory<byte> body, Func<string, string?> header, out GatewayError? error)
    {
        error = null;
        if (body.IsEmpty)
        {
            error = GatewayError.EmptyBody();
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = GatewayJson.MaxDepth });
        }
        catch (JsonException e)
        {
            error = GatewayError.InvalidJson(e.Message);
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = GatewayError.InvalidJson($"expected a JSON object, got {root.ValueKind.ToString().ToLowerInvariant()}");
                return null;
            }

            try
            {
                var client = ClientDetector.Detect(header);
                return new BridgedRequest(
                    Streaming: root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True,
                    Model: root.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String ? model.GetString()! : UnknownModel,
                    Background: api == BridgedApi.Responses && root.TryGetProperty("background", out var background) && background.ValueKind == JsonValueKind.True,
                    Prompt: Conversation.Prompt(api, root),
                    CorrelatingToolCallId: Conversation.CorrelatingToolCallId(api, root),
                    Client: client,
                    ClientSessionId: Requests.ClientSessionId.Extract(client, header, root));
            }
            catch (InvalidOperationException)
            {
                // JsonDocument checks a string's bytes only when it is read: invalid UTF-8 or an
                // unpaired surrogate escape surfaces here, in whichever member was read first.
                error = GatewayError.InvalidJson("a string is not valid UTF-8 text or holds an unpaired surrogate escape");
                return null;
            }
        }
    }
}

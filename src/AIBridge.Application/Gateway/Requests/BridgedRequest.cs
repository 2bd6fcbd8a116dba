using System.Text.Json;
using AIBridge.Application.Gateway.Errors;
using AIBridge.Application.Gateway.Routing;

namespace AIBridge.Application.Gateway.Requests;

/// <summary>What the gateway reads from a bridged request body, parsed once (bridge spec §6).</summary>
/// <param name="Streaming">The body's <c>stream</c> is the JSON literal <c>true</c>.</param>
/// <param name="Model">The requested model, <c>unknown</c> when missing or not a string.</param>
/// <param name="Background">A Responses request asking for background processing (unsupported).</param>
/// <param name="Prompt">The human prompt of the final turn, if any.</param>
/// <param name="CorrelatingToolCallId">The tool call the final turn answers, for thread lineage.</param>
public sealed record BridgedRequest(bool Streaming, string Model, bool Background, string? Prompt, string? CorrelatingToolCallId)
{
    public const string UnknownModel = "unknown";

    /// <summary>Parses <paramref name="body"/>; null with <paramref name="error"/> set when it is empty or not a JSON object.</summary>
    public static BridgedRequest? Inspect(BridgedApi api, ReadOnlyMemory<byte> body, out JsonDocument? document, out GatewayError? error)
    {
        document = null;
        error = null;
        if (body.IsEmpty)
        {
            error = GatewayError.EmptyBody();
            return null;
        }

        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            error = GatewayError.InvalidJson(e.Message);
            return null;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = GatewayError.InvalidJson($"expected a JSON object, got {root.ValueKind.ToString().ToLowerInvariant()}");
            document.Dispose();
            document = null;
            return null;
        }

        return new BridgedRequest(
            Streaming: root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True,
            Model: root.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String ? model.GetString()! : UnknownModel,
            Background: api == BridgedApi.Responses && root.TryGetProperty("background", out var background) && background.ValueKind == JsonValueKind.True,
            Prompt: Conversation.Prompt(api, root),
            CorrelatingToolCallId: Conversation.CorrelatingToolCallId(api, root));
    }
}

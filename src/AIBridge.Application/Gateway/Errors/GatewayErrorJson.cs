using System.Text.Json.Serialization;

namespace AIBridge.Application.Gateway.Errors;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AnthropicBody))]
[JsonSerializable(typeof(OpenAIBody))]
internal sealed partial class GatewayErrorJson : JsonSerializerContext;

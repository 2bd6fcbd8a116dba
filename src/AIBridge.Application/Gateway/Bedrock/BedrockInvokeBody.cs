using System.Text.Json;
using System.Text.Json.Nodes;

namespace AIBridge.Application.Gateway.Bedrock;

/// <summary>
/// An Anthropic Messages body as Bedrock's InvokeModel takes it: the model goes in the path, the betas
/// Bedrock knows move from the <c>anthropic-beta</c> header into the body, the members it refuses are
/// dropped, and adaptive thinking becomes a thinking budget for the models that have no adaptive thinking.
/// </summary>
public static class BedrockInvokeBody
{
    public const string AnthropicVersion = "bedrock-2023-05-31";

    private static readonly HashSet<string> Betas =
    [
        "computer-use-2025-01-24", "token-efficient-tools-2025-02-19", "interleaved-thinking-2025-05-14", "output-128k-2025-02-19",
        "dev-full-thinking-2025-05-14", "context-1m-2025-08-07", "tool-search-tool-2025-10-19", "tool-examples-2025-10-29",
    ];

    private const string EffortBeta = "effort-2025-11-24";
    private const string ContextManagementBeta = "context-management-2025-06-27";

    private static readonly string[] Refused = ["model", "stream", "metadata", "service_tier", "container", "inference_geo"];

    /// <param name="body">The client's body, a JSON object (the inspection checked it).</param>
    /// <param name="anthropicBeta">The client's <c>anthropic-beta</c> header.</param>
    /// <param name="model">The Bedrock model id the request goes to.</param>
    public static byte[] Translate(ReadOnlySpan<byte> body, string? anthropicBeta, string model)
    {
        var root = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = GatewayJson.MaxDepth })!.AsObject();
        foreach (var member in Refused)
        {
            root.Remove(member);
        }

        var betas = (anthropicBeta ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(beta => Allowed(beta, model)).Distinct().ToArray();
        var effort = root["output_config"]?["effort"]?.GetValueKind() == JsonValueKind.String ? root["output_config"]!["effort"]!.GetValue<string>() : null;
        if (!betas.Contains(EffortBeta))
        {
            root.Remove("output_config");
        }

        if (!betas.Contains(ContextManagementBeta))
        {
            root.Remove("context_management");
        }

        if (betas.Length > 0)
        {
            root["anthropic_beta"] = new JsonArray([.. betas.Select(b => (JsonNode)b)]);
        }

        if (root["thinking"]?["type"]?.GetValueKind() == JsonValueKind.String && root["thinking"]!["type"]!.GetValue<string>() == "adaptive"
            && !HasAdaptiveThinking(model) && root["max_tokens"]?.GetValueKind() == JsonValueKind.Number)
        {
            var budget = (long)Math.Floor(root["max_tokens"]!.GetValue<double>() * EffortShare(effort));
            root["thinking"] = budget < 1024
                ? new JsonObject { ["type"] = "disabled" }
                : new JsonObject { ["type"] = "enabled", ["budget_tokens"] = budget };
        }

        root["anthropic_version"] ??= AnthropicVersion;
        return JsonSerializer.SerializeToUtf8Bytes(root);
    }

    private static bool Allowed(string beta, string model) => Betas.Contains(beta)
        || (beta == EffortBeta && model.Contains("anthropic.claude-opus-4-5", StringComparison.Ordinal))
        || (beta == ContextManagementBeta && (model.Contains("anthropic.claude-sonnet-4-5", StringComparison.Ordinal)
            || model.Contains("anthropic.claude-haiku-4-5", StringComparison.Ordinal)));

    private static bool HasAdaptiveThinking(string model) =>
        model.Contains("anthropic.claude-opus-4-6", StringComparison.Ordinal) || model.Contains("anthropic.claude-sonnet-4-6", StringComparison.Ordinal);

    /// <summary>The share of the output limit thinking may use at each effort.</summary>
    private static double EffortShare(string? effort) => effort switch
    {
        "low" => 0.2,
        "medium" => 0.5,
        "max" => 0.95,
        _ => 0.8,
    };
}

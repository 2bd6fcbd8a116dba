using System.Text.Json;

namespace AIBridge.Application.Gateway.Parsing;

/// <summary>OpenAI counts cached tokens inside the input; the stored input excludes them.</summary>
internal static class OpenAIUsage
{
    public static ParsedUsage Chat(string responseId, JsonElement usage)
    {
        var cached = usage.Long("prompt_tokens_details", "cached_tokens");
        return new ParsedUsage(responseId, Math.Max(0, usage.Long("prompt_tokens") - cached), usage.Long("completion_tokens"), cached, 0,
            new Dictionary<string, long>
            {
                ["prompt_audio"] = usage.Long("prompt_tokens_details", "audio_tokens"),
                ["prompt_cached"] = cached,
                ["completion_accepted_prediction"] = usage.Long("completion_tokens_details", "accepted_prediction_tokens"),
                ["completion_rejected_prediction"] = usage.Long("completion_tokens_details", "rejected_prediction_tokens"),
                ["completion_audio"] = usage.Long("completion_tokens_details", "audio_tokens"),
                ["completion_reasoning"] = usage.Long("completion_tokens_details", "reasoning_tokens"),
            });
    }

    public static ParsedUsage Responses(string responseId, JsonElement usage)
    {
        var cached = usage.Long("input_tokens_details", "cached_tokens");
        return new ParsedUsage(responseId, Math.Max(0, usage.Long("input_tokens") - cached), usage.Long("output_tokens"), cached, 0,
            new Dictionary<string, long>
            {
                ["input_cached"] = cached,
                ["output_reasoning"] = usage.Long("output_tokens_details", "reasoning_tokens"),
                ["total_tokens"] = usage.Long("total_tokens"),
            });
    }
}

using AIBridge.Application.Gateway.Recording;

namespace AIBridge.Infrastructure.Recording;

/// <summary>The <c>kind</c> label of the recorder's metrics.</summary>
internal static class RecordKinds
{
    public static KeyValuePair<string, object?>[] Tags(RecordedItem item, string? reason = null) => reason is null
        ? [new("kind", Of(item))]
        : [new("kind", Of(item)), new("reason", reason)];

    public static string Of(RecordedItem item) => item switch
    {
        InterceptionStarted => "interception",
        InterceptionEnded => "interception_end",
        TokenUsageRecorded => "token_usage",
        UserPromptRecorded => "user_prompt",
        ToolUsageRecorded => "tool_usage",
        ModelThoughtRecorded => "model_thought",
        _ => "api_key_use",
    };
}

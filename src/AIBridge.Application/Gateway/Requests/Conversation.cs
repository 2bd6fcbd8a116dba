using System.Text.Json;
using AIBridge.Application.Gateway.Routing;

namespace AIBridge.Application.Gateway.Requests;

/// <summary>
/// Reads the human prompt and the correlating tool-call id from a request's <em>final turn</em>: the last
/// conversation entry that is not a <c>system</c>/<c>developer</c> instruction, since real clients append
/// those after the human turn (<see cref="RequestParts"/> finds it).
/// </summary>
public static class Conversation
{
    private const string ReminderTag = "<system-reminder>";

    /// <summary>A Responses request whose <c>input</c> is a plain string: that string is the prompt.</summary>
    public static string? PromptOfText(string? input) => NonEmpty(input);

    public static string? Prompt(BridgedApi api, JsonElement? finalTurn)
    {
        if (finalTurn is not { } turn || Str(turn, "role") != "user")
        {
            return null;
        }

        if (api == BridgedApi.Responses && Member(turn, "type") is { } type && Str(turn, "type") != "message" && type.ValueKind != JsonValueKind.Null)
        {
            return null;
        }

        var content = Member(turn, "content");
        if (content is { ValueKind: JsonValueKind.String })
        {
            return NonEmpty(content.Value.GetString());
        }

        if (content is not { ValueKind: JsonValueKind.Array } parts)
        {
            return null;
        }

        return api switch
        {
            BridgedApi.AnthropicMessages => PickText(parts, "text", hasToolResults: parts.EnumerateArray().Any(p => Str(p, "type") == "tool_result")),
            BridgedApi.ChatCompletions => PickText(parts, "text", hasToolResults: false),
            _ => JoinInputText(parts),
        };
    }

    /// <summary>The id of the tool call whose result the final turn returns, or null.</summary>
    public static string? CorrelatingToolCallId(BridgedApi api, JsonElement? finalTurn)
    {
        if (finalTurn is not { } turn)
        {
            return null;
        }

        switch (api)
        {
            case BridgedApi.AnthropicMessages:
                if (Member(turn, "content") is { ValueKind: JsonValueKind.Array } blocks)
                {
                    return blocks.EnumerateArray().Reverse()
                        .Where(b => Str(b, "type") == "tool_result")
                        .Select(b => NonEmpty(Str(b, "tool_use_id")))
                        .FirstOrDefault(id => id is not null);
                }

                return null;
            case BridgedApi.ChatCompletions:
                return Str(turn, "role") == "tool" ? NonEmpty(Str(turn, "tool_call_id")) : null;
            default:
                return Str(turn, "type") is { } type && type.EndsWith("_output", StringComparison.Ordinal) ? NonEmpty(Str(turn, "call_id")) : null;
        }
    }

    /// <summary>
    /// The last text part that is not a system reminder. A turn of only tool results (reminders aside)
    /// is an agentic continuation, not a prompt; a turn of only reminders falls back to the last one.
    /// </summary>
    private static string? PickText(JsonElement parts, string textType, bool hasToolResults)
    {
        var texts = parts.EnumerateArray().Where(p => Str(p, "type") == textType).Select(p => Str(p, "text")).OfType<string>().ToList();
        var human = texts.Where(t => !IsReminder(t)).ToList();
        if (human.Count > 0)
        {
            return NonEmpty(human[^1]);
        }

        return hasToolResults || texts.Count == 0 ? null : NonEmpty(texts[^1]);
    }

    private static string? JoinInputText(JsonElement parts)
    {
        var texts = parts.EnumerateArray().Where(p => Str(p, "type") == "input_text").Select(p => Str(p, "text")).OfType<string>().ToList();
        var human = texts.Where(t => !IsReminder(t)).ToList();
        return NonEmpty(string.Join('\n', human.Count > 0 ? human : texts));
    }

    private static bool IsReminder(string text) => text.AsSpan().Trim().StartsWith(ReminderTag, StringComparison.Ordinal);

    private static JsonElement? Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? Str(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

using System.Text;
using System.Text.Json;
using AIBridge.Application.Gateway.Routing;

namespace AIBridge.Application.Gateway.Requests;

/// <summary>
/// Where the members the gateway reads are in a bridged request's body, found in one forward walk
/// (<see cref="JsonOutline"/>); each is the value's bytes as sent. A member given twice counts as
/// its last, as in a parsed document.
/// </summary>
public sealed class RequestParts
{
    /// <summary>The output limits a request can set, most specific first.</summary>
    public static readonly string[] MaxOutputNames = ["max_tokens", "max_completion_tokens", "max_output_tokens"];

    private static readonly byte[][] MaxOutputNamesUtf8 = [.. MaxOutputNames.Select(Encoding.UTF8.GetBytes)];

    public Range? Model { get; private set; }

    public Range? Stream { get; private set; }

    public Range? Background { get; private set; }

    public Range? Metadata { get; private set; }

    public Range? Tools { get; private set; }

    /// <summary>The conversation (<c>messages</c>, or Responses' <c>input</c>) when it is not an array: Responses' plain-text input.</summary>
    public Range? Entries { get; private set; }

    /// <summary>The last conversation entry that is not an instruction.</summary>
    public Range? FinalTurn { get; private set; }

    /// <summary>The system prompt's parts, in the order they are hashed (<see cref="RequestFingerprint"/>).</summary>
    public List<Range> System { get; } = [];

    /// <summary>Chat Completions' <c>stream_options</c>, which the gateway makes ask for usage (<see cref="ChatStreamOptions"/>).</summary>
    public Range? StreamOptions { get; private set; }

    /// <summary>Where the body's closing <c>}</c> is.</summary>
    public int Close { get; private set; }

    public bool HasMembers { get; private set; }

    /// <summary>Per <see cref="MaxOutputNames"/>, that member's value.</summary>
    public Range?[] MaxOutputTokens { get; } = new Range?[MaxOutputNames.Length];

    private Range? _anthropicSystem;
    private Range? _instructions;
    private readonly List<Range> _instructionEntries = [];

    public static RequestParts Find(BridgedApi api, ReadOnlySpan<byte> json)
    {
        var start = JsonOutline.SkipWhitespace(json, 0);
        if (start < json.Length && json[start] != '{')
        {
            var end = JsonOutline.ValueEnd(json, start, 0);
            EnsureNothingAfter(json, end);
            throw JsonOutline.Error($"expected a JSON object, got {KindOf(json[start])}");
        }

        var parts = new RequestParts();
        var members = new JsonMembers(json, start, 1);
        var entriesName = api == BridgedApi.Responses ? "input"u8 : "messages"u8;
        while (members.Next())
        {
            parts.HasMembers = true;
            if (members.NameIs(entriesName))
            {
                parts.ReadEntries(api, json, ref members);
            }
            else if (members.NameIs("model"u8))
            {
                parts.Model = Value(ref members);
            }
            else if (members.NameIs("stream"u8))
            {
                parts.Stream = Value(ref members);
            }
            else if (members.NameIs("background"u8))
            {
                parts.Background = Value(ref members);
            }
            else if (members.NameIs("metadata"u8))
            {
                parts.Metadata = Value(ref members);
            }
            else if (members.NameIs("tools"u8))
            {
                parts.Tools = NotNull(json, Value(ref members));
            }
            else if (members.NameIs("system"u8))
            {
                parts._anthropicSystem = NotNull(json, Value(ref members));
            }
            else if (members.NameIs("instructions"u8))
            {
                parts._instructions = NotNull(json, Value(ref members));
            }
            else if (members.NameIs("stream_options"u8))
            {
                parts.StreamOptions = Value(ref members);
            }
            else
            {
                for (var i = 0; i < MaxOutputNamesUtf8.Length; i++)
                {
                    if (members.NameIs(MaxOutputNamesUtf8[i]))
                    {
                        parts.MaxOutputTokens[i] = Value(ref members);
                        break;
                    }
                }
            }
        }

        EnsureNothingAfter(json, members.End);
        parts.Close = members.End - 1;
        parts.GatherSystem(api);
        return parts;
    }

    /// <summary>
    /// Each entry is walked to its <c>role</c> and on to its end: instructions are kept for the system
    /// prompt's hash, and the last other entry is the final turn.
    /// </summary>
    private void ReadEntries(BridgedApi api, ReadOnlySpan<byte> json, ref JsonMembers members)
    {
        FinalTurn = null;
        Entries = null;
        _instructionEntries.Clear();
        if (json[members.ValueStart] != '[')
        {
            Entries = Value(ref members);
            return;
        }

        var entries = new JsonElements(json, members.ValueStart, members.Depth + 1);
        while (entries.Next())
        {
            var start = entries.ElementStart;
            if (json[start] != '{')
            {
                FinalTurn = Range(entries.SkipElement());
                continue;
            }

            Range? role = null;
            var entry = new JsonMembers(json, start, entries.Depth + 1);
            while (entry.Next())
            {
                if (entry.NameIs("role"u8))
                {
                    role = Value(ref entry);
                }
            }

            entries.ElementEndsAt(entry.End);
            if (role is { } r && IsInstruction(json[r]))
            {
                _instructionEntries.Add(start..entry.End);
            }
            else
            {
                FinalTurn = start..entry.End;
            }
        }

        members.ValueEndsAt(entries.End);
    }

    private void GatherSystem(BridgedApi api)
    {
        if (api == BridgedApi.AnthropicMessages)
        {
            if (_anthropicSystem is { } system)
            {
                System.Add(system);
            }

            return;
        }

        if (api == BridgedApi.Responses && _instructions is { } instructions)
        {
            System.Add(instructions);
        }

        System.AddRange(_instructionEntries);
    }

    /// <summary>
    /// A <c>system</c> or <c>developer</c> entry is an instruction, not a turn: real clients append them
    /// after the human turn.
    /// </summary>
    private static bool IsInstruction(ReadOnlySpan<byte> role)
    {
        if (role.IndexOf((byte)'\\') < 0)
        {
            return role.SequenceEqual("\"system\""u8) || role.SequenceEqual("\"developer\""u8);
        }

        var reader = new Utf8JsonReader(role);
        reader.Read();
        try
        {
            return reader.TokenType == JsonTokenType.String && (reader.ValueTextEquals("system"u8) || reader.ValueTextEquals("developer"u8));
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static Range Value(ref JsonMembers members) => Range(members.SkipValue());

    private static Range Range((int Start, int End) span) => span.Start..span.End;

    private static Range? NotNull(ReadOnlySpan<byte> json, Range value) => json[value].SequenceEqual("null"u8) ? null : value;

    private static void EnsureNothingAfter(ReadOnlySpan<byte> json, int end)
    {
        var after = JsonOutline.SkipWhitespace(json, end);
        if (after < json.Length)
        {
            throw JsonOutline.Error($"'{(char)json[after]}' at byte {after} follows the body's value");
        }
    }

    private static string KindOf(byte first) => first switch
    {
        (byte)'[' => "array",
        (byte)'"' => "string",
        (byte)'t' => "true",
        (byte)'f' => "false",
        (byte)'n' => "null",
        _ => "number",
    };
}

using System.Buffers;
using System.Text.Json;

namespace AIBridge.Application.Gateway.Requests;

/// <summary>
/// Where a JSON value begins and ends, found without tokenizing what is inside it: a string is skipped
/// by searching for its closing quote, a container by matching brackets outside strings. A late turn
/// of a coding agent is hundreds of kilobytes of earlier turns, of which the gateway reads a few members
/// and the final turn; skipping the rest this way costs a fraction of a full parse.
/// </summary>
/// <remarks>
/// A skip checks that strings are closed and hold no raw control character, that brackets match and
/// that the nesting stays within <see cref="GatewayJson.MaxDepth"/>. Inside a skipped value it does not
/// check commas, colons, numbers, literals or escapes: the provider parses the body in full, and what
/// the gateway reads it parses in full itself. Errors are <see cref="JsonException"/>s.
/// </remarks>
public static class JsonOutline
{
    private static readonly SearchValues<byte> Brackets = SearchValues.Create("\"{}[]"u8);
    private static readonly SearchValues<byte> ScalarStops = SearchValues.Create(",:{}[]\" \t\r\n"u8);
    private static readonly SearchValues<byte> ScalarStarts = SearchValues.Create("-0123456789tfn"u8);

    public static int SkipWhitespace(ReadOnlySpan<byte> json, int at)
    {
        while (at < json.Length && json[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            at++;
        }

        return at;
    }

    /// <summary>The end (exclusive) of the value at <paramref name="start"/>, inside <paramref name="depth"/> containers.</summary>
    public static int ValueEnd(ReadOnlySpan<byte> json, int start, int depth)
    {
        if (start >= json.Length)
        {
            throw Error("the body ends where a value was expected");
        }

        return json[start] switch
        {
            (byte)'"' => StringEnd(json, start),
            (byte)'{' or (byte)'[' => ContainerEnd(json, start, depth),
            var first when ScalarStarts.Contains(first) => ScalarEnd(json, start),
            var other => throw Error($"'{(char)other}' at byte {start} cannot start a value"),
        };
    }

    /// <summary>The end (exclusive) of the string whose opening quote is at <paramref name="start"/>.</summary>
    /// <remarks>
    /// Quotes are searched for, not escapes: a quote ends the string unless an odd run of backslashes
    /// precedes it. File contents in tool results carry an escape every few dozen bytes, and stopping
    /// at each would cost a search per escape.
    /// </remarks>
    public static int StringEnd(ReadOnlySpan<byte> json, int start)
    {
        var at = start + 1;
        while (at < json.Length)
        {
            var next = json[at..].IndexOf((byte)'"');
            if (next < 0)
            {
                break;
            }

            at += next;
            var backslashes = 0;
            while (json[at - 1 - backslashes] == '\\')
            {
                backslashes++;
            }

            if (backslashes % 2 == 0)
            {
                var control = json[(start + 1)..at].IndexOfAnyInRange((byte)0, (byte)0x1F);
                return control < 0 ? at + 1 : throw Error($"a string holds a raw control character at byte {start + 1 + control}");
            }

            at++;
        }

        throw Error($"the string at byte {start} is not closed");
    }

    /// <summary>Outside a string, the byte at <paramref name="at"/> after whitespace must be <paramref name="expected"/>.</summary>
    public static int Expect(ReadOnlySpan<byte> json, int at, byte expected)
    {
        at = SkipWhitespace(json, at);
        if (at >= json.Length || json[at] != expected)
        {
            throw Error(at >= json.Length ? $"the body ends where '{(char)expected}' was expected" : $"expected '{(char)expected}' at byte {at}, found '{(char)json[at]}'");
        }

        return at + 1;
    }

    public static JsonException Error(string message) => new(message);

    public static JsonException TooDeep() => new($"the maximum nesting depth of {GatewayJson.MaxDepth} is exceeded");

    private static int ContainerEnd(ReadOnlySpan<byte> json, int start, int depth)
    {
        // One bit per open container: set for an array, so that each closing bracket is checked against its opening one.
        Span<ulong> arrays = stackalloc ulong[(GatewayJson.MaxDepth + 63) / 64];
        var open = 0;
        var at = start;
        while (true)
        {
            var next = json[at..].IndexOfAny(Brackets);
            if (next < 0)
            {
                throw Error($"the {(json[start] == '[' ? "array" : "object")} at byte {start} is not closed");
            }

            at += next;
            var bracket = json[at];
            if (bracket == '"')
            {
                at = StringEnd(json, at);
                continue;
            }

            if (bracket is (byte)'{' or (byte)'[')
            {
                if (depth + open + 1 > GatewayJson.MaxDepth)
                {
                    throw TooDeep();
                }

                var bit = 1UL << (open % 64);
                arrays[open / 64] = bracket == '[' ? arrays[open / 64] | bit : arrays[open / 64] & ~bit;
                open++;
                at++;
                continue;
            }

            if (open == 0)
            {
                throw Error($"'{(char)bracket}' at byte {at} closes nothing");
            }

            open--;
            var isArray = (arrays[open / 64] & (1UL << (open % 64))) != 0;
            if (isArray != (bracket == ']'))
            {
                throw Error($"'{(char)bracket}' at byte {at} closes an {(isArray ? "array" : "object")}");
            }

            at++;
            if (open == 0)
            {
                return at;
            }
        }
    }

    private static int ScalarEnd(ReadOnlySpan<byte> json, int start)
    {
        var length = json[start..].IndexOfAny(ScalarStops);
        return length < 0 ? json.Length : start + length;
    }
}

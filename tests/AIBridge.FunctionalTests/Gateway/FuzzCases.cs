using System.Globalization;
using System.Text;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>One generated gateway request.</summary>
public sealed record FuzzCase(string Method, string Path, string? ContentType, IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body, string Kind);

/// <summary>
/// Malformed and odd gateway requests from a seed: valid bodies of each API mutated byte by byte and
/// member by member, invalid UTF-8 and unpaired surrogates in the strings the gateway reads, deep
/// nesting, wrong types, odd headers, and passthrough calls with arbitrary bodies.
/// </summary>
public sealed class FuzzCases(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] BridgedPaths = ["anthropic/v1/messages", "openai/v1/chat/completions", "openai/v1/responses"];

    private static readonly string[] PassthroughPaths =
    [
        "anthropic/v1/messages/count_tokens", "anthropic/v1/models", "anthropic/v1/models/claude-x", "anthropic/api/event_logging/batch",
        "openai/v1/models", "openai/v1/models/gpt-5", "openai/v1/responses/resp_1", "openai/v1/responses/resp_1/input_items",
        "openai/v1/conversations", "openai/v1/conversations/conv_1/items", "openai/v1/chat/completions",
    ];

    private static readonly string[] Templates =
    [
        """{"model":"claude-x","stream":true,"max_tokens":10,"system":[{"type":"text","text":"be brief"}],"metadata":{"user_id":"{\"session_id\":\"s-1\"}"},"tools":[{"name":"Read","input_schema":{"type":"object","properties":{"path":{"type":"string"}}}}],"messages":[{"role":"user","content":[{"type":"text","text":"<system-reminder>x</system-reminder>"},{"type":"text","text":"read it"}]},{"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"Read","input":{"path":"a"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"data"}]},{"role":"system","content":"late"}]}""",
        """{"model":"gpt-5","stream":true,"stream_options":{"include_usage":false},"messages":[{"role":"system","content":"s"},{"role":"user","content":[{"type":"text","text":"hi"}]},{"role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","tool_call_id":"call_1","content":"r"}]}""",
        """{"model":"gpt-5","stream":false,"instructions":"i","input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"a"},{"type":"input_text","text":"b"}]},{"type":"function_call","call_id":"call_2","name":"f","arguments":"{}"},{"type":"function_call_output","call_id":"call_2","output":"ok"}],"tools":[{"type":"function","name":"f","parameters":{"type":"object"}}]}""",
        """{"model":"m","messages":[{"role":"user","content":"plain"}]}""",
        """{"model":"m","input":"just text","stream":true}""",
    ];

    private static readonly string[] Members = ["model", "messages", "content", "role", "input", "tool_call_id", "tool_use_id", "call_id", "metadata", "user_id", "stream", "stream_options", "background", "type", "text", "system", "tools"];

    private static readonly string[] OddValues =
    [
        "null", "true", "false", "0", "-0", "1e999", "-1e-999", "123456789012345678901234567890", "\"\"", "\" \"", "[]", "{}", "[null]", "[[]]", "[{}]",
        "\"\\ud800\"", "\"\\udfff\"", "\"a\\ud83dz\"", "\"\\u0000\"", "\"\\\\\"", "\"{\\\"session_id\\\":\\\"\\\\ud800\\\"}\"", "\"{\\\"session_id\\\":5}\"",
        "\"user_h_account_a_session_\"", "{\"type\":\"tool_result\"}", "[{\"type\":\"text\"}]", "[{\"type\":\"text\",\"text\":5}]", "[{\"role\":\"user\"}]",
        "[{\"type\":\"function_call_output\",\"call_id\":null}]", "\"" + new string('x', 5000) + "\"",
    ];

    private static readonly byte[][] InvalidUtf8 = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF0, 0x28, 0x8C, 0xBC], [0xC0, 0xAF], [0x80], [0xE2, 0x82]];

    public IEnumerable<FuzzCase> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return _random.Next(10) switch
            {
                0 => Passthrough(),
                1 => WithHeaders(Bridged(Utf8(Deep()), "deep")),
                _ => WithHeaders(Mutated()),
            };
        }
    }

    private FuzzCase Mutated()
    {
        var template = Pick(Templates);
        return _random.Next(7) switch
        {
            0 => Bridged(FlipBytes(Utf8(template)), "flipped bytes"),
            1 => Bridged(Utf8(template)[..Math.Max(0, _random.Next(template.Length))], "truncated"),
            2 => Bridged(InsertInvalidUtf8(Utf8(template)), "invalid UTF-8"),
            3 => Bridged(Utf8(InsertEscape(template)), "unpaired surrogate escape"),
            4 => Bridged(Utf8(ReplaceMember(template)), "odd member value"),
            5 => Bridged(Utf8(ReplaceMember(ReplaceMember(template))), "two odd member values"),
            _ => Bridged(Utf8(Duplicate(template)), "duplicate members"),
        };
    }

    private FuzzCase Bridged(byte[] body, string kind) =>
        new("POST", Pick(BridgedPaths), _random.Next(8) == 0 ? Pick(["text/plain", "application/json; charset=latin1", "", "application/x-www-form-urlencoded"]) : "application/json", [], body, kind);

    private FuzzCase WithHeaders(FuzzCase fuzz)
    {
        if (_random.Next(3) != 0)
        {
            return fuzz;
        }

        var agent = Pick(["claude-cli/2.1.0 (external, cli)", "codex_cli_rs/0.50", "mux/1", "opencode/1", "githubcopilotchat/1", "\u00ff\u00fe", "x", ""]);
        List<(string, string)> headers = [("User-Agent", agent)];
        foreach (var name in (string[])["X-Claude-Code-Session-Id", "session-id", "X-Mux-Workspace-Id", "X-OpenCode-Session", "x-cursor-client-version"])
        {
            if (_random.Next(2) == 0)
            {
                headers.Add((name, Pick([" ", "s-" + _random.Next(), new string('s', 400), "\u00e9\u00e8", "a b c"])));
            }
        }

        return fuzz with { Headers = headers, Kind = fuzz.Kind + " + headers" };
    }

    private FuzzCase Passthrough()
    {
        var method = Pick(["GET", "POST", "DELETE", "PUT", "PATCH"]);
        byte[]? body = method == "GET" || _random.Next(3) == 0 ? null : _random.Next(2) == 0 ? Utf8(Pick(Templates)) : RandomBytes();
        var query = _random.Next(3) == 0 ? "?limit=" + Pick(["1", "%ff", "a%20b", "", "\u00e9"]) : "";
        return new(method, Pick(PassthroughPaths) + query, body is null ? null : "application/json", [], body, "passthrough");
    }

    private string Deep()
    {
        var depth = _random.Next(1, 1200);
        var open = _random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var inner = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        return "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"deep\"}],\"tools\":[{\"input_schema\":" + inner + "}]}";
    }

    private byte[] FlipBytes(byte[] body)
    {
        for (var n = _random.Next(1, 6); n > 0 && body.Length > 0; n--)
        {
            body[_random.Next(body.Length)] = (byte)_random.Next(256);
        }

        return body;
    }

    private byte[] InsertInvalidUtf8(byte[] body)
    {
        // Inside a string, so the JSON stays well-formed and only the text is broken.
        var quotes = Enumerable.Range(0, body.Length).Where(i => body[i] == (byte)'"').ToList();
        var at = quotes[_random.Next(quotes.Count)] + 1;
        return [.. body[..at], .. Pick(InvalidUtf8), .. body[at..]];
    }

    private string InsertEscape(string json)
    {
        var quotes = Enumerable.Range(0, json.Length).Where(i => json[i] == '"').ToList();
        var at = quotes[_random.Next(quotes.Count)] + 1;
        return json[..at] + Pick(["\\ud800", "\\udc00", "\\ud83d", "\\uD800\\u0041", "\\u0000"]) + json[at..];
    }

    private string ReplaceMember(string json)
    {
        var member = Pick(Members);
        var key = "\"" + member + "\":";
        var at = json.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return json.Insert(1, key + Pick(OddValues) + ",");
        }

        var start = at + key.Length;
        var end = ValueEnd(json, start);
        return json[..start] + Pick(OddValues) + json[end..];
    }

    private string Duplicate(string json) => json.Insert(1, "\"" + Pick(Members) + "\":" + Pick(OddValues) + ",");

    /// <summary>Where the JSON value starting at <paramref name="start"/> ends (the templates hold no brackets inside strings but escaped quotes).</summary>
    private static int ValueEnd(string json, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '[' or '{':
                    depth++;
                    break;
                case ']' or '}' when depth == 0:
                    return i;
                case ']' or '}':
                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case ',' when depth == 0:
                    return i;
            }
        }

        return json.Length;
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[_random.Next(0, 300)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static string Describe(FuzzCase fuzz) => string.Create(CultureInfo.InvariantCulture,
        $"{fuzz.Kind}: {fuzz.Method} {fuzz.Path} body={(fuzz.Body is null ? "none" : Convert.ToBase64String(fuzz.Body.Length > 600 ? fuzz.Body[..600] : fuzz.Body))}");
}

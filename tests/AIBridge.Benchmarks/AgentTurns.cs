using System.Text;
using System.Text.Json;

namespace AIBridge.Benchmarks;

/// <summary>
/// R1's traffic: a late turn of a coding agent's session, as Claude Code and Codex send it, and the long
/// streamed answer that ends in a tool call. Sizes are reached by adding earlier turns whose tool results
/// carry file contents; everything is generated from a fixed seed, so every run sends the same bytes.
/// </summary>
public static class AgentTurns
{
    private const int Tools = 30;

    /// <summary>A Claude Code Messages request of about <paramref name="bytes"/>: system blocks, 30 tools, tool-use turns, a session id.</summary>
    public static string ClaudeCode(int bytes) => Write(json =>
    {
        var random = new Random(bytes);
        json.WriteString("model", "claude-bench");
        json.WriteNumber("max_tokens", 32000);
        json.WriteBoolean("stream", true);
        json.WriteStartObject("metadata");
        json.WriteString("user_id", """{"device_id":"bench-device","account_uuid":"","session_id":"bench-session-0001"}""");
        json.WriteEndObject();
        json.WriteStartArray("system");
        foreach (var length in new[] { 60, 6000, 9000 })
        {
            json.WriteStartObject();
            json.WriteString("type", "text");
            json.WriteString("text", Prose(random, length));
            json.WriteStartObject("cache_control");
            json.WriteString("type", "ephemeral");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("tools");
        for (var t = 0; t < Tools; t++)
        {
            json.WriteStartObject();
            json.WriteString("name", ToolName(t));
            json.WriteString("description", Prose(random, 250));
            json.WritePropertyName("input_schema");
            Schema(json, random);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("messages");
        Message(json, "user", () => Text(json, "<system-reminder>" + Prose(random, 300) + "</system-reminder>", "fix the failing test in the parser"));
        for (var turn = 0; ; turn++)
        {
            var id = $"toolu_bench_{turn:D4}";
            var file = Source(random, FileSize(bytes));
            if (Written(json) + file.Length * 6 / 5 + 600 > bytes)
            {
                break;
            }
            Message(json, "assistant", () =>
            {
                json.WriteStartObject();
                json.WriteString("type", "text");
                json.WriteString("text", Prose(random, 120));
                json.WriteEndObject();
                json.WriteStartObject();
                json.WriteString("type", "tool_use");
                json.WriteString("id", id);
                json.WriteString("name", ToolName(turn % Tools));
                json.WriteStartObject("input");
                json.WriteString("file_path", $"/work/src/Parser/File{turn}.cs");
                json.WriteEndObject();
                json.WriteEndObject();
            });
            Message(json, "user", () =>
            {
                json.WriteStartObject();
                json.WriteString("type", "tool_result");
                json.WriteString("tool_use_id", id);
                json.WriteString("content", file);
                json.WriteEndObject();
            });
        }

        json.WriteEndArray();
    });

    /// <summary>A Codex Responses request of about <paramref name="bytes"/>: instructions, function, namespace and custom tools, function-call turns.</summary>
    public static string Codex(int bytes) => Write(json =>
    {
        var random = new Random(bytes + 1);
        json.WriteString("model", "gpt-bench");
        json.WriteBoolean("stream", true);
        json.WriteString("instructions", Prose(random, 14_000));
        json.WriteString("prompt_cache_key", "bench-session-0002");
        json.WriteStartArray("tools");
        for (var t = 0; t < Tools - 2; t++)
        {
            json.WriteStartObject();
            json.WriteString("type", "function");
            json.WriteString("name", ToolName(t));
            json.WriteString("description", Prose(random, 300));
            json.WriteBoolean("strict", false);
            json.WritePropertyName("parameters");
            Schema(json, random);
            json.WriteEndObject();
        }

        json.WriteStartObject();
        json.WriteString("type", "custom");
        json.WriteString("name", "apply_patch");
        json.WriteString("description", Prose(random, 600));
        json.WriteStartObject("format");
        json.WriteString("type", "grammar");
        json.WriteString("syntax", "lark");
        json.WriteString("definition", "start: begin_patch hunk+ end_patch\nbegin_patch: \"*** Begin Patch\" LF\nend_patch: \"*** End Patch\" LF?");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("type", "namespace");
        json.WriteString("name", "mcp__bench");
        json.WriteStartArray("tools");
        json.WriteStartObject();
        json.WriteString("type", "function");
        json.WriteString("name", "search_docs");
        json.WritePropertyName("parameters");
        Schema(json, random);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("input");
        json.WriteStartObject();
        json.WriteString("type", "message");
        json.WriteString("role", "user");
        json.WriteStartArray("content");
        json.WriteStartObject();
        json.WriteString("type", "input_text");
        json.WriteString("text", "fix the failing test in the parser");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        for (var turn = 0; ; turn++)
        {
            var file = Source(random, FileSize(bytes));
            if (Written(json) + file.Length * 6 / 5 + 400 > bytes)
            {
                break;
            }
            json.WriteStartObject();
            json.WriteString("type", "function_call");
            json.WriteString("call_id", $"call_bench_{turn:D4}");
            json.WriteString("name", "shell");
            json.WriteString("arguments", $$"""{"command":["sed","-n","1,200p","src/Parser/File{{turn}}.cs"]}""");
            json.WriteEndObject();
            json.WriteStartObject();
            json.WriteString("type", "function_call_output");
            json.WriteString("call_id", $"call_bench_{turn:D4}");
            json.WriteString("output", file);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    /// <summary>A Messages stream: a thinking block, <paramref name="textDeltas"/> text deltas, then a tool call in <paramref name="argumentDeltas"/> JSON pieces.</summary>
    public static byte[][] ClaudeCodeAnswer(int textDeltas, int argumentDeltas)
    {
        var events = new List<string>
        {
            Sse("message_start", """{"type":"message_start","message":{"id":"msg_bench_r1","type":"message","role":"assistant","model":"claude-bench","content":[],"stop_reason":null,"usage":{"input_tokens":12,"cache_creation_input_tokens":3200,"cache_read_input_tokens":61000,"output_tokens":1}}}"""),
            Sse("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}"""),
            Sse("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"The parser test fails because the tokenizer drops the last line."}}"""),
            Sse("content_block_delta", """{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCkYIBxgCKkBbench"}}"""),
            Sse("content_block_stop", """{"type":"content_block_stop","index":0}"""),
            Sse("content_block_start", """{"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}"""),
        };
        for (var i = 0; i < textDeltas; i++)
        {
            events.Add(Sse("content_block_delta", $$$"""{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"word{{{i}}} of the explanation "}}"""));
        }

        events.Add(Sse("content_block_stop", """{"type":"content_block_stop","index":1}"""));
        events.Add(Sse("content_block_start", """{"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_bench_answer","name":"Edit","input":{}}}"""));
        foreach (var piece in ArgumentPieces(argumentDeltas))
        {
            events.Add(Sse("content_block_delta", $$$"""{"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":{{{JsonSerializer.Serialize(piece)}}}}}"""));
        }

        events.Add(Sse("content_block_stop", """{"type":"content_block_stop","index":2}"""));
        events.Add(Sse("message_delta", $$$"""{"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":{{{textDeltas * 4 + argumentDeltas * 3}}}}}"""));
        events.Add(Sse("message_stop", """{"type":"message_stop"}"""));
        return events.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    /// <summary>A Responses stream: <paramref name="textDeltas"/> text deltas, then a function call in <paramref name="argumentDeltas"/> pieces.</summary>
    public static byte[][] CodexAnswer(int textDeltas, int argumentDeltas)
    {
        var sequence = 0;
        string Event(string type, string rest) => Sse(type, $$"""{"type":"{{type}}","sequence_number":{{sequence++}},{{rest}}}""");
        var events = new List<string>
        {
            Event("response.created", """ "response":{"id":"resp_bench_r1","status":"in_progress","output":[]}"""),
            Event("response.output_item.added", """ "output_index":0,"item":{"id":"msg_bench_r1","type":"message","status":"in_progress","role":"assistant","content":[]}"""),
        };
        for (var i = 0; i < textDeltas; i++)
        {
            events.Add(Event("response.output_text.delta", $$""" "item_id":"msg_bench_r1","output_index":0,"content_index":0,"delta":"word{{i}} of the plan " """));
        }

        events.Add(Event("response.output_item.done", """ "output_index":0,"item":{"id":"msg_bench_r1","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","text":"(the plan)"}]}"""));
        events.Add(Event("response.output_item.added", """ "output_index":1,"item":{"id":"fc_bench_r1","type":"function_call","status":"in_progress","call_id":"call_bench_answer","name":"shell","arguments":""}"""));
        var arguments = new StringBuilder();
        foreach (var piece in ArgumentPieces(argumentDeltas))
        {
            arguments.Append(piece);
            events.Add(Event("response.function_call_arguments.delta", $$""" "item_id":"fc_bench_r1","output_index":1,"delta":{{JsonSerializer.Serialize(piece)}}"""));
        }

        var done = JsonSerializer.Serialize(arguments.ToString());
        events.Add(Event("response.function_call_arguments.done", $$""" "item_id":"fc_bench_r1","output_index":1,"arguments":{{done}}"""));
        events.Add(Event("response.output_item.done", $$""" "output_index":1,"item":{"id":"fc_bench_r1","type":"function_call","status":"completed","call_id":"call_bench_answer","name":"shell","arguments":{{done}}}"""));
        events.Add(Event("response.completed", $$$""" "response":{"id":"resp_bench_r1","status":"completed","output":[],"usage":{"input_tokens":64000,"input_tokens_details":{"cached_tokens":60000},"output_tokens":{{{textDeltas * 4 + argumentDeltas * 3}}},"output_tokens_details":{"reasoning_tokens":0},"total_tokens":65000}}"""));
        return events.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    /// <summary>Files of a few kilobytes, a dozen at most in a small request and many in a large one.</summary>
    private static int FileSize(int requestBytes) => Math.Clamp(requestBytes / 40, 1_000, 12_000);

    private static long Written(Utf8JsonWriter json) => json.BytesCommitted + json.BytesPending;

    private static string Sse(string type, string data) => $"event: {type}\ndata: {data}\n\n";

    /// <summary>The tool call's JSON arguments cut into pieces, as providers stream them.</summary>
    private static IEnumerable<string> ArgumentPieces(int count)
    {
        var body = string.Concat(Enumerable.Range(0, count).Select(i => $"line {i} of the new text;\\n"));
        var whole = $$"""{"file_path":"/work/src/Parser/Tokenizer.cs","old_string":"return lines;","new_string":"{{body}}"}""";
        var size = (whole.Length + count - 1) / count;
        for (var start = 0; start < whole.Length; start += size)
        {
            yield return whole.Substring(start, Math.Min(size, whole.Length - start));
        }
    }

    private static string ToolName(int index) => index switch
    {
        0 => "Bash", 1 => "Read", 2 => "Edit", 3 => "Write", 4 => "Glob", 5 => "Grep", 6 => "TodoWrite", 7 => "WebFetch",
        _ => $"mcp__bench__tool_{index}",
    };

    private static void Schema(Utf8JsonWriter json, Random random)
    {
        json.WriteStartObject();
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        for (var p = 0; p < 4; p++)
        {
            json.WriteStartObject($"param_{p}");
            json.WriteString("type", p == 3 ? "boolean" : "string");
            json.WriteString("description", Prose(random, 100));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartArray("required");
        json.WriteStringValue("param_0");
        json.WriteEndArray();
        json.WriteBoolean("additionalProperties", false);
        json.WriteEndObject();
    }

    private static void Message(Utf8JsonWriter json, string role, Action content)
    {
        json.WriteStartObject();
        json.WriteString("role", role);
        json.WriteStartArray("content");
        content();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter json, params string[] texts)
    {
        foreach (var text in texts)
        {
            json.WriteStartObject();
            json.WriteString("type", "text");
            json.WriteString("text", text);
            json.WriteEndObject();
        }
    }

    private static readonly string[] Words =
        ["the", "parser", "returns", "a", "token", "when", "input", "line", "ends", "with", "tool", "call", "result", "file", "test", "fails", "because", "of", "state", "buffer"];

    private static string Prose(Random random, int length)
    {
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            text.Append(Words[random.Next(Words.Length)]).Append(random.Next(12) == 0 ? ". " : " ");
        }

        return text.ToString();
    }

    /// <summary>File-sized tool output: numbered lines of C#-like text, with quotes and tabs to escape.</summary>
    private static string Source(Random random, int length)
    {
        var text = new StringBuilder(length + 80);
        for (var line = 1; text.Length < length; line++)
        {
            text.Append(line).Append('\t').Append("    var ").Append(Words[random.Next(Words.Length)]).Append(" = \"")
                .Append(Prose(random, 40).Trim()).Append("\";\n");
        }

        return text.ToString();
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

using System.Text;
using AIBridge.Application.Gateway.Parsing;

namespace AIBridge.UnitTests.Gateway;

public sealed class ParserTests
{
    /// <summary>Feeds a stream one byte at a time: event boundaries must not depend on chunking.</summary>
    private static void Stream(ResponseParser parser, string sse)
    {
        using var reader = new SseReader(parser.OnEvent);
        foreach (var b in Encoding.UTF8.GetBytes(sse))
        {
            reader.Feed([b]);
        }

        reader.Complete();
        parser.Complete();
    }

    [Fact]
    public void Anthropic_stream_gives_one_usage_row_tool_calls_and_thinking()
    {
        var sink = new CollectingSink();
        Stream(new AnthropicParser(sink), """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_1","usage":{"input_tokens":101,"cache_read_input_tokens":50,"cache_creation_input_tokens":10,"output_tokens":1,"cache_creation":{"ephemeral_5m_input_tokens":10}}}}   

            event: ping
            data: {"type": "ping"}

            : a comment
            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Let me "}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"think."}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"sig"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_a","name":"Read","input":{}}}

            event: content_block_start
            data: {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_b","name":"Glob","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"file\":"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":" \"a.cs\"}"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: content_block_stop
            data: {"type":"content_block_stop","index":2}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":20}}

            event: message_stop
            data: {"type":"message_stop"}

            """.Replace("\n", "\r\n"));

        sink.Usages.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            ResponseId = "msg_1", Input = 101L, Output = 20L, CacheRead = 50L, CacheWrite = 10L,
            Metadata = new Dictionary<string, long>
            {
                ["web_search_requests"] = 0, ["cache_creation_input"] = 10, ["cache_read_input"] = 50, ["cache_ephemeral_1h_input"] = 0, ["cache_ephemeral_5m_input"] = 10,
            },
        });
        sink.Calls.Should().Equal(
            new ParsedToolCall("msg_1", "toolu_a", null, "Read", """{"file": "a.cs"}"""),
            new ParsedToolCall("msg_1", "toolu_b", null, "Glob", "{}"));
        sink.Thoughts.Should().Equal(("Let me think.", "thinking"));
    }

    [Fact]
    public void Anthropic_stream_cut_before_message_stop_still_reports_usage_once()
    {
        var sink = new CollectingSink();
        Stream(new AnthropicParser(sink), "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_2\",\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}\n\ndata: not json\n\n");

        sink.Usages.Should().ContainSingle().Which.Output.Should().Be(1);
    }

    [Fact]
    public void Anthropic_blocking_body()
    {
        var sink = new CollectingSink();
        var parser = new AnthropicParser(sink);
        parser.OnBody("""{"id":"msg_3","content":[{"type":"thinking","thinking":"hmm"},{"type":"redacted_thinking","data":"x"},{"type":"text","text":"hi"},{"type":"tool_use","id":"toolu_1","name":"Bash","input":{"cmd":"ls"}},{"type":"server_tool_use","id":"srv","name":"web_search","input":{}}],"usage":{"input_tokens":7,"output_tokens":3,"server_tool_use":{"web_search_requests":2}}}"""u8);
        parser.Complete();

        sink.Calls.Should().Equal(new ParsedToolCall("msg_3", "toolu_1", null, "Bash", """{"cmd":"ls"}"""));
        sink.Thoughts.Should().Equal(("hmm", "thinking"));
        sink.Usages.Should().ContainSingle().Which.Metadata["web_search_requests"].Should().Be(2);
    }

    [Fact]
    public void Chat_stream_records_parallel_calls_and_subtracts_cached_tokens()
    {
        var sink = new CollectingSink();
        Stream(new ChatParser(sink), """
            data: {"id":"chatcmpl-1","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"read","arguments":""}}]}}],"usage":null,"obfuscation":"x"}

            data: {"id":"chatcmpl-1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"p\":"}},{"index":1,"id":"call_b","type":"custom","custom":{"name":"shell","input":"ls -la"}}]}}]}

            data: {"id":"chatcmpl-1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"1}"}}]}}]}

            data: {"id":"chatcmpl-1","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

            data: {"id":"chatcmpl-1","choices":[],"usage":{"prompt_tokens":200,"completion_tokens":30,"prompt_tokens_details":{"cached_tokens":80},"completion_tokens_details":{"reasoning_tokens":4}}}

            data: [DONE]

            """);

        sink.Calls.Should().Equal(
            new ParsedToolCall("chatcmpl-1", "call_a", null, "read", """{"p":1}"""),
            new ParsedToolCall("chatcmpl-1", "call_b", null, "shell", "\"ls -la\""));
        var usage = sink.Usages.Should().ContainSingle().Subject;
        (usage.Input, usage.Output, usage.CacheRead, usage.CacheWrite).Should().Be((120, 30, 80, 0));
        usage.Metadata["prompt_cached"].Should().Be(80);
        usage.Metadata["completion_reasoning"].Should().Be(4);
    }

    [Fact]
    public void Chat_stream_skips_text_chunks_but_finds_usage_however_it_is_spaced()
    {
        var sink = new CollectingSink();
        Stream(new ChatParser(sink), """
            data: {"id":"c3","choices":[{"index":0,"delta":{"content":"a \"usage\": {} and \"tool_calls\" in text"}}],"usage":null}

            data: {"id":"c3","choices":[{"index":0,"delta":{"content":"more"},"finish_reason":"stop"}], "usage" :
            data:  {"prompt_tokens":5,"completion_tokens":1}}

            """);

        sink.Calls.Should().BeEmpty();
        var usage = sink.Usages.Should().ContainSingle().Subject;
        (usage.ResponseId, usage.Input, usage.Output).Should().Be(("c3", 5, 1));
    }

    [Fact]
    public void Chat_blocking_body_with_calls_in_every_choice()
    {
        var sink = new CollectingSink();
        var parser = new ChatParser(sink);
        parser.OnBody("""{"id":"c2","choices":[{"message":{"tool_calls":[{"id":"x","type":"function","function":{"name":"a","arguments":"{}"}}]}},{"message":{"tool_calls":[{"id":"y","type":"function","function":{"name":"b","arguments":""}}]}}],"usage":{"prompt_tokens":10,"completion_tokens":2}}"""u8);

        sink.Calls.Select(c => (c.CallId, c.Tool, c.Input)).Should().Equal(("x", "a", "{}"), ("y", "b", "{}"));
        sink.Usages.Should().ContainSingle().Which.Input.Should().Be(10);
    }

    [Fact]
    public void Responses_stream_records_calls_once_reasoning_commentary_and_final_usage()
    {
        var sink = new CollectingSink();
        Stream(new ResponsesParser(sink), """
            event: response.created
            data: {"type":"response.created","response":{"id":"resp_1","usage":null}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","item":{"id":"rs_1","type":"reasoning","summary":[{"type":"summary_text","text":"Plan"},{"type":"summary_text","text":""}]}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","item":{"id":"msg_c","type":"message","role":"assistant","phase":"commentary","content":[{"type":"output_text","text":"Looking around"}]}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","item":{"id":"fc_1","type":"function_call","call_id":"call_1","name":"shell","arguments":"{\"cmd\":[\"ls\"]}"}}

            event: response.output_item.done
            data: {"type":"response.output_item.done","item":{"id":"ws_1","type":"web_search_call","action":{}}}

            event: response.completed
            data: {"type":"response.completed","response":{"id":"resp_1","output":[{"id":"fc_1","type":"function_call","call_id":"call_1","name":"shell","arguments":"{}"},{"id":"fc_2","type":"custom_tool_call","call_id":"call_2","name":"apply","input":"*** Begin Patch"},{"id":"lsh","type":"local_shell_call","call_id":"call_3","action":{"command":["ls"]}}],"usage":{"input_tokens":12033,"output_tokens":50,"total_tokens":12083,"input_tokens_details":{"cached_tokens":11904},"output_tokens_details":{"reasoning_tokens":8}}}}

            """);

        sink.Calls.Should().Equal(
            new ParsedToolCall("resp_1", "call_1", "fc_1", "shell", """{"cmd":["ls"]}"""),
            new ParsedToolCall("resp_1", "call_2", "fc_2", "apply", "\"*** Begin Patch\""),
            new ParsedToolCall("resp_1", "call_3", "lsh", "local_shell", """{"command":["ls"]}"""));
        sink.Thoughts.Should().Equal(("Plan", "reasoning_summary"), ("Looking around", "commentary"));
        var usage = sink.Usages.Should().ContainSingle().Subject;
        (usage.Input, usage.Output, usage.CacheRead).Should().Be((129, 50, 11904));
        usage.Metadata.Should().Equal(new Dictionary<string, long> { ["input_cached"] = 11904, ["output_reasoning"] = 8, ["total_tokens"] = 12083 });
    }

    [Theory]
    [InlineData("", "{}")]
    [InlineData("  {\"a\":1} ", "{\"a\":1}")]
    [InlineData("print(\"hello world\")", "\"print(\\\"hello world\\\")\"")]
    [InlineData("{\"truncated\":", "\"{\\\"truncated\\\":\"")]
    public void Tool_input_is_always_json(string raw, string stored) => ToolInput.Normalize(raw).Should().Be(stored);
}

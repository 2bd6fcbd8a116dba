namespace AIBridge.FunctionalTests.Gateway;

/// <summary>
/// Small synthetic provider responses shaped like real captured traffic: trailing spaces
/// after JSON, pings, comments, obfuscation fields, usage-null chunks.
/// </summary>
public static class ProviderFixtures
{
    public const string AnthropicRequest = """
        {"model":"claude-sonnet-4","max_tokens":1024,"stream":true,"metadata":{"user_id":"{\"device_id\":\"d1\",\"session_id\":\"cc-session-1\"}"},
         "messages":[{"role":"user","content":[{"type":"text","text":"<system-reminder>context</system-reminder>"},{"type":"text","text":"list the files"}]},{"role":"system","content":"be brief"}]}
        """;

    public const string AnthropicStream = """
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_stream_1","type":"message","role":"assistant","model":"claude-sonnet-4","content":[],"usage":{"input_tokens":101,"cache_creation_input_tokens":10,"cache_read_input_tokens":50,"output_tokens":1}}}   

        event: ping
        data: {"type": "ping"}

        event: content_block_start
        data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"I should list them."}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":0}

        event: content_block_start
        data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_stream_a","name":"Bash","input":{}}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"command\":"}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"\"ls\"}"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":1}

        event: content_block_start
        data: {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_stream_b","name":"Glob","input":{}}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":2}

        event: message_delta
        data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":20}}

        event: message_stop
        data: {"type":"message_stop"}


        """;

    public const string AnthropicMessage = """
        {"id":"msg_block_1","type":"message","role":"assistant","model":"claude-sonnet-4","content":[{"type":"text","text":"Hello!"},{"type":"tool_use","id":"toolu_block_1","name":"Read","input":{"path":"a.cs"}}],"stop_reason":"tool_use","usage":{"input_tokens":12,"output_tokens":6,"cache_read_input_tokens":3,"cache_creation_input_tokens":0}}
        """;

    public const string AnthropicOverloaded = """
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_err","usage":{"input_tokens":5,"output_tokens":1}}}

        event: error
        data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}


        """;

    public const string ChatRequest = """{"model":"gpt-4.1","stream":true,"messages":[{"role":"system","content":"s"},{"role":"user","content":"weather in paris and rome?"}]}""";

    public const string ChatStream = """
        data: {"id":"chatcmpl-s1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_paris","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}],"usage":null,"obfuscation":"abc"}

        data: {"id":"chatcmpl-s1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":\"Paris\"}"}},{"index":1,"id":"call_rome","type":"function","function":{"name":"get_weather","arguments":"{\"city\":"}}]},"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-s1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"\"Rome\"}"}}]},"finish_reason":null}],"usage":null}

        data: {"id":"chatcmpl-s1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"usage":null}

        data: {"id":"chatcmpl-s1","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":200,"completion_tokens":30,"total_tokens":230,"prompt_tokens_details":{"cached_tokens":80,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}

        data: [DONE]


        """;

    public const string ChatCompletion = """
        {"id":"chatcmpl-b1","object":"chat.completion","created":1700000000,"model":"gpt-4.1","choices":[{"index":0,"message":{"role":"assistant","content":"Hi there"},"finish_reason":"stop"}],"usage":{"prompt_tokens":20,"completion_tokens":5,"total_tokens":25,"prompt_tokens_details":{"cached_tokens":0}}}
        """;

    public const string ResponsesRequest = """{"model":"gpt-5","stream":true,"input":[{"type":"message","role":"developer","content":"d"},{"type":"message","role":"user","content":[{"type":"input_text","text":"run the tests"}]}]}""";

    public const string ResponsesStream = """
        event: response.created
        data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_s1","object":"response","status":"in_progress","model":"gpt-5","output":[],"usage":null}}

        event: response.output_item.done
        data: {"type":"response.output_item.done","sequence_number":1,"output_index":0,"item":{"id":"rs_1","type":"reasoning","summary":[{"type":"summary_text","text":"Run dotnet test."}]}}

        event: response.output_item.done
        data: {"type":"response.output_item.done","sequence_number":2,"output_index":1,"item":{"id":"fc_1","type":"function_call","status":"completed","call_id":"call_tests","name":"shell","arguments":"{\"command\":[\"dotnet\",\"test\"]}"}}

        event: response.completed
        data: {"type":"response.completed","sequence_number":3,"response":{"id":"resp_s1","object":"response","status":"completed","model":"gpt-5","output":[{"id":"rs_1","type":"reasoning","summary":[{"type":"summary_text","text":"Run dotnet test."}]},{"id":"fc_1","type":"function_call","status":"completed","call_id":"call_tests","name":"shell","arguments":"{\"command\":[\"dotnet\",\"test\"]}"}],"usage":{"input_tokens":12033,"input_tokens_details":{"cached_tokens":11904},"output_tokens":40,"output_tokens_details":{"reasoning_tokens":16},"total_tokens":12073}}}


        """;

    public const string ResponsesBody = """
        {"id":"resp_b1","object":"response","created_at":1700000000,"status":"completed","model":"gpt-5","output":[{"id":"msg_b1","type":"message","status":"completed","role":"assistant","content":[{"type":"output_text","text":"Done.","annotations":[]}]}],"usage":{"input_tokens":50,"input_tokens_details":{"cached_tokens":0},"output_tokens":7,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":57}}
        """;
}

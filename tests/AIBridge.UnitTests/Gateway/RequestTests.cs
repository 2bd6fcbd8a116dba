using System.Text;
using AIBridge.Application.Common.Buffers;
using AIBridge.Application.Gateway;
using AIBridge.Application.Gateway.Requests;
using AIBridge.Application.Gateway.Routing;

namespace AIBridge.UnitTests.Gateway;

public sealed class RequestTests
{
    private static Func<string, string?> Headers(params (string Name, string Value)[] headers) =>
        name => headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value;

    [Theory]
    [InlineData("mux/1.0", "Mux")]
    [InlineData("xum/1.0", "Mux")]
    [InlineData("claude-cli/2.1.197 (external, sdk-cli)", "Claude Code")]
    [InlineData("Claude-Something", "Claude Code")]
    [InlineData("codex_cli_rs/0.50", "Codex")]
    [InlineData("codex_exec/0.50", "Codex")]
    [InlineData("Zed/0.200", "Zed")]
    [InlineData("GitHubCopilotChat/0.30", "GitHub Copilot (VS Code)")]
    [InlineData("copilot/1.0", "GitHub Copilot (CLI)")]
    [InlineData("kilo-code/4", "Kilo Code")]
    [InlineData("roo-code/3", "Roo Code")]
    [InlineData("coder-agents/1", "Coder Agents")]
    [InlineData("Charm Crush/1", "Charm Crush")]
    [InlineData("charm-crush/1", "Charm Crush")]
    [InlineData("opencode/1", "OpenCode")]
    [InlineData("junie:1", "Junie")]
    [InlineData("Anthropic/JS 0.50", "Unknown")]
    [InlineData("OpenAI/JS 5.0", "Unknown")]
    [InlineData("ccclaude-cli/1", "Unknown")]
    [InlineData("", "Unknown")]
    public void Detects_clients_by_user_agent(string userAgent, string client) =>
        ClientDetector.Detect(Headers(("User-Agent", userAgent))).Should().Be(client);

    [Fact]
    public void Detects_clients_by_headers()
    {
        ClientDetector.Detect(Headers(("User-Agent", "x"), ("originator", "kilo-code"))).Should().Be("Kilo Code");
        ClientDetector.Detect(Headers(("User-Agent", "x"), ("originator", "roo-code"))).Should().Be("Roo Code");
        ClientDetector.Detect(Headers(("User-Agent", "x"), ("x-cursor-client-version", "1.2"))).Should().Be("Cursor");
        ClientDetector.Detect(Headers(("User-Agent", "claude-cli/1"), ("x-cursor-client-version", "1.2"))).Should().Be("Claude Code");
    }

    [Theory]
    [InlineData("""{"metadata":{"user_id":"{\"device_id\":\"d\",\"account_uuid\":\"a\",\"session_id\":\"3e14-x\"}"}}""", null, "3e14-x")]
    [InlineData("""{"metadata":{"user_id":"user_abc_account_123_session_9f0e-uuid"}}""", null, "9f0e-uuid")]
    [InlineData("""{"metadata":{"user_id":"user_abc"}}""", null, null)]
    [InlineData("""{"metadata":{"user_id":"{not json"}}""", null, null)]
    [InlineData("""{"metadata":{"user_id":5}}""", null, null)]
    [InlineData("""{"metadata":{"user_id":"user_a_session_x"}}""", "  header-id  ", "header-id")]
    public void Claude_code_session_ids(string body, string? header, string? expected)
    {
        var headers = header is null ? Headers(("User-Agent", "claude-cli/2")) : Headers(("User-Agent", "claude-cli/2"), ("X-Claude-Code-Session-Id", header));

        Inspect(BridgedApi.AnthropicMessages, body, headers).ClientSessionId.Should().Be(expected);
    }

    [Fact]
    public void Other_clients_use_their_own_header_only()
    {
        static string? body() => throw new InvalidOperationException("only Claude Code's session id is in the body");

        ClientSessionId.Extract("Codex", Headers(("session-id", " s1 ")), body).Should().Be("s1");
        ClientSessionId.Extract("Codex", Headers(("session_id", "legacy")), body).Should().Be("legacy");
        ClientSessionId.Extract("GitHub Copilot (VS Code)", Headers(("x-interaction-id", "i"), ("vscode-sessionid", "v")), body).Should().Be("i");
        ClientSessionId.Extract("OpenCode", Headers(("x-session-affinity", "aff")), body).Should().Be("aff");
        ClientSessionId.Extract("Cursor", Headers(("session-id", "s1")), body).Should().BeNull();
        ClientSessionId.Extract("Codex", Headers(("session-id", "   ")), body).Should().BeNull();
    }

    [Theory]
    [InlineData(BridgedApi.AnthropicMessages, """{"messages":[{"role":"user","content":"plain"}]}""", "plain")]
    [InlineData(BridgedApi.AnthropicMessages, """{"messages":[{"role":"user","content":[{"type":"text","text":"<system-reminder>ctx</system-reminder>"},{"type":"text","text":"say hi"}]},{"role":"system","content":"x"}]}""", "say hi")]
    [InlineData(BridgedApi.AnthropicMessages, """{"messages":[{"role":"user","content":[{"type":"text","text":"say hi"},{"type":"text","text":"  <system-reminder>late</system-reminder>"}]}]}""", "say hi")]
    [InlineData(BridgedApi.AnthropicMessages, """{"messages":[{"role":"user","content":[{"type":"text","text":"<system-reminder>only</system-reminder>"}]}]}""", "<system-reminder>only</system-reminder>")]
    [InlineData(BridgedApi.AnthropicMessages, """{"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1"},{"type":"text","text":"<system-reminder>r</system-reminder>"}]},{"role":"system","content":"s"}]}""", null)]
    [InlineData(BridgedApi.AnthropicMessages, """{"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1"},{"type":"text","text":"and also this"}]}]}""", "and also this")]
    [InlineData(BridgedApi.AnthropicMessages, """{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}]}""", null)]
    [InlineData(BridgedApi.AnthropicMessages, """{"messages":[{"role":"user","content":[{"type":"image","source":{}}]}]}""", null)]
    [InlineData(BridgedApi.AnthropicMessages, """{"messages":[{"role":"user","content":""}]}""", null)]
    [InlineData(BridgedApi.ChatCompletions, """{"messages":[{"role":"system","content":"s"},{"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]},{"role":"developer","content":"d"}]}""", "b")]
    [InlineData(BridgedApi.ChatCompletions, """{"messages":[{"role":"user","content":"q"},{"role":"tool","tool_call_id":"c","content":"r"}]}""", null)]
    [InlineData(BridgedApi.Responses, """{"input":"just a string"}""", "just a string")]
    [InlineData(BridgedApi.Responses, """{"input":[{"role":"user","content":[{"type":"input_text","text":"<system-reminder>x</system-reminder>"},{"type":"input_text","text":"one"},{"type":"input_text","text":"two"}]}]}""", "one\ntwo")]
    [InlineData(BridgedApi.Responses, """{"input":[{"type":"message","role":"user","content":"env"},{"type":"message","role":"user","content":"the prompt"}]}""", "the prompt")]
    [InlineData(BridgedApi.Responses, """{"input":[{"role":"user","content":"q"},{"type":"function_call_output","call_id":"c","output":"r"}]}""", null)]
    [InlineData(BridgedApi.Responses, """{"input":[{"type":"reasoning","role":"user","content":"q"}]}""", null)]
    public void Prompt_is_the_human_text_of_the_final_user_turn(BridgedApi api, string body, string? prompt) =>
        Inspect(api, body).Prompt.Should().Be(prompt);

    [Theory]
    [InlineData(BridgedApi.AnthropicMessages, """{"messages":[{"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1"},{"type":"tool_result","tool_use_id":"toolu_2"},{"type":"text","text":"x"}]},{"role":"system","content":"s"}]}""", "toolu_2")]
    [InlineData(BridgedApi.AnthropicMessages, """{"messages":[{"role":"user","content":"q"}]}""", null)]
    [InlineData(BridgedApi.ChatCompletions, """{"messages":[{"role":"tool","tool_call_id":"call_1"},{"role":"tool","tool_call_id":"call_2"}]}""", "call_2")]
    [InlineData(BridgedApi.ChatCompletions, """{"messages":[{"role":"tool","tool_call_id":"call_1"},{"role":"user","content":"q"}]}""", null)]
    [InlineData(BridgedApi.Responses, """{"input":[{"type":"custom_tool_call_output","call_id":"call_9"},{"role":"developer","content":"d"}]}""", "call_9")]
    [InlineData(BridgedApi.Responses, """{"input":"text"}""", null)]
    public void Correlating_tool_call_id_comes_from_the_final_turn(BridgedApi api, string body, string? id) =>
        Inspect(api, body).CorrelatingToolCallId.Should().Be(id);

    [Theory]
    [InlineData("""{"model":"m","stream":true}""", """{"model":"m","stream":true,"stream_options":{"include_usage":true}}""")]
    [InlineData("""{}""", """{"stream_options":{"include_usage":true}}""")]
    [InlineData("""{ "stream":true , "stream_options" : null }""", """{ "stream":true , "stream_options" : {"include_usage":true} }""")]
    [InlineData("""{"stream_options":{"include_usage":false,"x":1},"y":2}""", """{"stream_options":{"include_usage":true,"x":1},"y":2}""")]
    [InlineData("""{"stream_options":{"x":{"include_usage":false}}}""", """{"stream_options":{"include_usage":true,"x":{"include_usage":false}}}""")]
    [InlineData("""{"stream_options":{}}""", """{"stream_options":{"include_usage":true}}""")]
    [InlineData("""{"stream_options":"yes","a":[1,{"stream_options":1}]}""", """{"stream_options":{"include_usage":true},"a":[1,{"stream_options":1}]}""")]
    [InlineData("{\n  \"a\": \"é\"\n}", "{\n  \"a\": \"é\"\n,\"stream_options\":{\"include_usage\":true}}")]
    [InlineData("""{"stream_options":{"\udc00include_usage":false}}""", """{"stream_options":{"include_usage":true,"\udc00include_usage":false}}""")]
    [InlineData("""{"\ud800":1}""", """{"\ud800":1,"stream_options":{"include_usage":true}}""")]
    [InlineData("""{"stream_options":{"include_usage":false},"x":1,"stream_options":{}}""", """{"stream_options":{"include_usage":false},"x":1,"stream_options":{"include_usage":true}}""")]
    public void Chat_streams_ask_for_usage_by_splicing_the_raw_json(string body, string expected) =>
        ChatStreamOptions.RequestUsage(body).Should().Be(expected);

    [Fact]
    public void A_stream_options_object_that_cannot_be_walked_is_refused_and_its_buffer_kept()
    {
        var body = new PooledBuffer();
        body.Append("""{"stream":true,"stream_options":{"include_usage" true}}"""u8);

        var refusal = ChatStreamOptions.RequestUsage(ref body, RequestParts.Find(BridgedApi.ChatCompletions, body.Written));

        refusal!.Status.Should().Be(400);
        refusal.Message.Should().StartWith("invalid JSON request body: expected ':'");
        Encoding.UTF8.GetString(body.Written).Should().Contain("stream_options");
        body.Dispose();
    }

    [Theory]
    [InlineData("", "empty request body")]
    [InlineData("{bad", "invalid JSON request body:")]
    [InlineData("[1]", "invalid JSON request body: expected a JSON object, got array")]
    [InlineData("""{"model":"\ud800"}""", "invalid JSON request body: a string is not valid UTF-8 text or holds an unpaired surrogate escape")]
    [InlineData("""{"messages":[{"role":"user","content":"\udc00x"}]}""", "invalid JSON request body: a string is not valid UTF-8 text")]
    [InlineData("""{"messages":[{"role":"tool","tool_call_id":"\ud83d"}]}""", "invalid JSON request body: a string is not valid UTF-8 text")]
    public void Bad_bodies_are_rejected(string body, string message)
    {
        var inspection = RequestInspection.Of(BridgedApi.ChatCompletions, Encoding.UTF8.GetBytes(body), NoHeaders);

        inspection.Request.Should().BeNull();
        inspection.Error!.Status.Should().Be(400);
        inspection.Error.Message.Should().StartWith(message);
    }

    [Theory]
    [InlineData("""{"model":"gpt-5","stream":true}""", true, "gpt-5")]
    [InlineData("""{"model":5,"stream":"true"}""", false, "unknown")]
    [InlineData("""{}""", false, "unknown")]
    public void Reads_stream_and_model(string body, bool streaming, string model)
    {
        var inspection = RequestInspection.Of(BridgedApi.ChatCompletions, Encoding.UTF8.GetBytes(body), NoHeaders);
        var request = inspection.Request!;

        request.Streaming.Should().Be(streaming);
        request.Model.Should().Be(model);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_is_a_400_not_a_fault()
    {
        byte[] body = [.. "{\"model\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        var inspection = RequestInspection.Of(BridgedApi.AnthropicMessages, body, NoHeaders);

        inspection.Request.Should().BeNull();
        inspection.Error!.Message.Should().Be("invalid JSON request body: a string is not valid UTF-8 text or holds an unpaired surrogate escape");
    }

    [Fact]
    public void Nesting_is_accepted_to_the_documented_bound_and_refused_past_it()
    {
        static byte[] Nested(int depth) =>
            Encoding.UTF8.GetBytes("{\"model\":\"m\",\"tools\":" + new string('[', depth - 1) + new string(']', depth - 1) + "}");

        RequestInspection.Of(BridgedApi.ChatCompletions, Nested(GatewayJson.MaxDepth), NoHeaders).Request.Should().NotBeNull();

        using (var spliced = new PooledBuffer())
        {
            var nested = Nested(GatewayJson.MaxDepth);
            ChatStreamOptions.RequestUsage(nested, RequestParts.Find(BridgedApi.ChatCompletions, nested), spliced);
            spliced.Length.Should().BeGreaterThan(0);
        }

        var tooDeep = RequestInspection.Of(BridgedApi.ChatCompletions, Nested(GatewayJson.MaxDepth + 1), NoHeaders);
        tooDeep.Request.Should().BeNull();
        tooDeep.Error!.Message.Should().StartWith("invalid JSON request body: ").And.Contain("depth");
    }

    private static string? NoHeaders(string name) => null;

    private static BridgedRequest Inspect(BridgedApi api, string body, Func<string, string?>? headers = null)
    {
        var inspection = RequestInspection.Of(api, Encoding.UTF8.GetBytes(body), headers ?? NoHeaders);
        inspection.Error.Should().BeNull();
        return inspection.Request!;
    }
}

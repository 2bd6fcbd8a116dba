using System.Text.Json;
using AIBridge.Application.Gateway.Requests;
using AIBridge.Application.Gateway.Routing;

namespace AIBridge.UnitTests.Gateway;

public sealed class RequestFingerprintTests
{
    [Fact]
    public void Anthropic_system_and_tools_are_fingerprinted_as_sent()
    {
        var first = Parse("""{"system":[{"type":"text","text":"You are Claude Code."}],"tools":[{"name":"Read"}],"messages":[]}""");
        var same = Parse("""{"model":"other","system":[{"type":"text","text":"You are Claude Code."}],"tools":[{"name":"Read"}],"messages":[{"role":"user","content":"x"}]}""");
        var changed = Parse("""{"system":[{"type":"text","text":"You are Claude Code!"}],"tools":[{"name":"Read"},{"name":"Bash"}]}""");

        var system = RequestFingerprint.System(BridgedApi.AnthropicMessages, first);
        system.Should().MatchRegex("^[0-9a-f]{32}$");
        RequestFingerprint.System(BridgedApi.AnthropicMessages, same).Should().Be(system, "the rest of the request does not count");
        RequestFingerprint.Tools(same).Should().Be(RequestFingerprint.Tools(first));
        RequestFingerprint.System(BridgedApi.AnthropicMessages, changed).Should().NotBe(system);
        RequestFingerprint.Tools(changed).Should().NotBe(RequestFingerprint.Tools(first));
    }

    [Fact]
    public void OpenAI_system_and_developer_messages_and_responses_instructions_are_the_system_prompt()
    {
        var chat = Parse("""{"messages":[{"role":"system","content":"s"},{"role":"user","content":"hi"},{"role":"developer","content":"d"}]}""");
        var chatLaterTurn = Parse("""{"messages":[{"role":"system","content":"s"},{"role":"user","content":"hi"},{"role":"developer","content":"d"},{"role":"assistant","content":"ok"},{"role":"user","content":"more"}]}""");
        var responses = Parse("""{"instructions":"be brief","input":[{"type":"message","role":"user","content":"x"}]}""");
        var responsesOther = Parse("""{"instructions":"be long","input":[{"type":"message","role":"user","content":"x"}]}""");

        RequestFingerprint.System(BridgedApi.ChatCompletions, chat).Should().NotBeNull()
            .And.Be(RequestFingerprint.System(BridgedApi.ChatCompletions, chatLaterTurn), "user and assistant turns are not the system prompt");
        RequestFingerprint.System(BridgedApi.Responses, responses).Should().NotBeNull()
            .And.NotBe(RequestFingerprint.System(BridgedApi.Responses, responsesOther));
    }

    [Fact]
    public void A_request_without_them_has_no_fingerprints()
    {
        var bare = Parse("""{"model":"m","messages":[{"role":"user","content":"hi"}],"tools":null}""");

        RequestFingerprint.System(BridgedApi.AnthropicMessages, bare).Should().BeNull();
        RequestFingerprint.System(BridgedApi.ChatCompletions, bare).Should().BeNull();
        RequestFingerprint.Tools(bare).Should().BeNull();
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}

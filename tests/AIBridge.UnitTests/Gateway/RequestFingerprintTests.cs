using System.Text;
using AIBridge.Application.Gateway.Requests;
using AIBridge.Application.Gateway.Routing;

namespace AIBridge.UnitTests.Gateway;

public sealed class RequestFingerprintTests
{
    [Fact]
    public void Anthropic_system_and_tools_are_fingerprinted_as_sent()
    {
        var first = """{"system":[{"type":"text","text":"You are Claude Code."}],"tools":[{"name":"Read"}],"messages":[]}""";
        var same = """{"model":"other","system":[{"type":"text","text":"You are Claude Code."}],"tools":[{"name":"Read"}],"messages":[{"role":"user","content":"x"}]}""";
        var changed = """{"system":[{"type":"text","text":"You are Claude Code!"}],"tools":[{"name":"Read"},{"name":"Bash"}]}""";

        var system = Inspect(BridgedApi.AnthropicMessages, first).SystemHash;
        system.Should().MatchRegex("^[0-9a-f]{32}$");
        Inspect(BridgedApi.AnthropicMessages, same).SystemHash.Should().Be(system, "the rest of the request does not count");
        Inspect(BridgedApi.AnthropicMessages, same).ToolsHash.Should().Be(Inspect(BridgedApi.AnthropicMessages, first).ToolsHash);
        Inspect(BridgedApi.AnthropicMessages, changed).SystemHash.Should().NotBe(system);
        Inspect(BridgedApi.AnthropicMessages, changed).ToolsHash.Should().NotBe(Inspect(BridgedApi.AnthropicMessages, first).ToolsHash);
    }

    [Fact]
    public void OpenAI_system_and_developer_messages_and_responses_instructions_are_the_system_prompt()
    {
        var chat = """{"messages":[{"role":"system","content":"s"},{"role":"user","content":"hi"},{"role":"developer","content":"d"}]}""";
        var chatLaterTurn = """{"messages":[{"role":"system","content":"s"},{"role":"user","content":"hi"},{"role":"developer","content":"d"},{"role":"assistant","content":"ok"},{"role":"user","content":"more"}]}""";
        var responses = """{"instructions":"be brief","input":[{"type":"message","role":"user","content":"x"}]}""";
        var responsesOther = """{"instructions":"be long","input":[{"type":"message","role":"user","content":"x"}]}""";

        Inspect(BridgedApi.ChatCompletions, chat).SystemHash.Should().NotBeNull()
            .And.Be(Inspect(BridgedApi.ChatCompletions, chatLaterTurn).SystemHash, "user and assistant turns are not the system prompt");
        Inspect(BridgedApi.Responses, responses).SystemHash.Should().NotBeNull()
            .And.NotBe(Inspect(BridgedApi.Responses, responsesOther).SystemHash);
    }

    [Fact]
    public void A_request_without_them_has_no_fingerprints()
    {
        var bare = """{"model":"m","messages":[{"role":"user","content":"hi"}],"tools":null}""";

        Inspect(BridgedApi.AnthropicMessages, bare).SystemHash.Should().BeNull();
        Inspect(BridgedApi.ChatCompletions, bare).SystemHash.Should().BeNull();
        Inspect(BridgedApi.AnthropicMessages, bare).ToolsHash.Should().BeNull();
    }

    private static BridgedRequest Inspect(BridgedApi api, string body)
    {
        var inspection = RequestInspection.Of(api, Encoding.UTF8.GetBytes(body), _ => null);
        inspection.Error.Should().BeNull();
        return inspection.Request!;
    }
}

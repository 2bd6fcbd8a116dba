using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using AIBridge.Application.Gateway;
using AIBridge.Application.Gateway.Requests;
using AIBridge.Application.Gateway.Routing;

namespace AIBridge.UnitTests.Gateway;

/// <summary>
/// The forward walk finds exactly the bytes a parsed document gives for the same members, whatever the
/// whitespace, escapes, nesting, duplicate names or order; and it refuses what it cannot walk.
/// </summary>
public sealed class RequestPartsTests
{
    [Theory]
    [InlineData(BridgedApi.AnthropicMessages)]
    [InlineData(BridgedApi.ChatCompletions)]
    [InlineData(BridgedApi.Responses)]
    public void Parts_are_the_raw_values_a_parsed_document_gives(BridgedApi api)
    {
        var random = new Random(20261207 + (int)api);
        var (turns, instructions) = (0, 0);
        for (var i = 0; i < 3000; i++)
        {
            var body = new BodyWriter(random).Request();
            var json = Encoding.UTF8.GetBytes(body);
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = GatewayJson.MaxDepth });
            var root = document.RootElement;

            var parts = RequestParts.Find(api, json);

            Raw(json, parts.Model).Should().Be(Member(root, "model"), body);
            Raw(json, parts.Stream).Should().Be(Member(root, "stream"), body);
            Raw(json, parts.Metadata).Should().Be(Member(root, "metadata"), body);
            Raw(json, parts.Tools).Should().Be(Member(root, "tools", skipNull: true), body);
            Raw(json, parts.FinalTurn).Should().Be(FinalTurn(api, root), body);
            for (var m = 0; m < RequestParts.MaxOutputNames.Length; m++)
            {
                Raw(json, parts.MaxOutputTokens[m]).Should().Be(Member(root, RequestParts.MaxOutputNames[m]), body);
            }

            parts.System.Select(r => Encoding.UTF8.GetString(json.AsSpan()[r])).Should().Equal(SystemParts(api, root), body);
            turns += parts.FinalTurn is null ? 0 : 1;
            instructions += parts.System.Count > 1 ? 1 : 0;
        }

        (turns, instructions).Should().Match<(int Turns, int Instructions)>(c => c.Turns > 300 && c.Instructions > (api == BridgedApi.AnthropicMessages ? -1 : 50),
            "the bodies have final turns and, for OpenAI, system prompts of several parts");
    }

    [Fact]
    public void Every_cut_of_a_body_is_a_refusal_not_a_fault()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var json = Encoding.UTF8.GetBytes(new BodyWriter(random).Request());
            foreach (var api in Enum.GetValues<BridgedApi>())
            {
                for (var cut = 1; cut < json.Length; cut++)
                {
                    var body = json.AsMemory(0, cut);
                    var inspection = RequestInspection.Of(api, body, _ => null);
                    if (json.AsSpan(cut).Trim(" \n\t"u8).Length > 0)
                    {
                        inspection.Error.Should().NotBeNull(Encoding.UTF8.GetString(body.Span));
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData("""{"model":"m" """, "ends where ',' was expected")]
    [InlineData("""{"model":"m""", "not closed")]
    [InlineData("""{"messages":[{"role":"user"}}""", "expected ','")]
    [InlineData("""{"tools":[{"role":"user"}}""", "closes an array")]
    [InlineData("""{"tools":[{"a":1]}""", "closes an object")]
    [InlineData("""{"a":1} x""", "follows the body's value")]
    [InlineData("""{"a":1,}""", "expected a member name")]
    [InlineData("""{"a" 1}""", "expected ':'")]
    [InlineData("""{"a":1 "b":2}""", "expected ','")]
    [InlineData("""{"messages":[{"role":"user"} {"role":"user"}]}""", "expected ','")]
    [InlineData("""{"messages":[1,]}""", "cannot start a value")]
    [InlineData("{\"tools\":[\"a\tb\"]}", "raw control character")]
    [InlineData("""{"a":}""", "cannot start a value")]
    [InlineData("""[1] """, "expected a JSON object, got array")]
    [InlineData(""" "text" """, "expected a JSON object, got string")]
    public void What_cannot_be_walked_is_refused(string body, string message)
    {
        var inspection = RequestInspection.Of(BridgedApi.ChatCompletions, Encoding.UTF8.GetBytes(body), _ => null);

        inspection.Request.Should().BeNull();
        inspection.Error!.Message.Should().StartWith("invalid JSON request body: ").And.Contain(message);
    }

    [Fact]
    public void A_slip_inside_a_value_the_gateway_skips_is_left_to_the_provider()
    {
        var inspection = RequestInspection.Of(BridgedApi.AnthropicMessages,
            """{"model":"m","tools":[1,,tru],"messages":[{"role":"user","content":"hi"}]}"""u8.ToArray(), _ => null);

        inspection.Error.Should().BeNull();
        inspection.Request!.Prompt.Should().Be("hi");
    }

    [Fact]
    public void Every_bracket_of_a_deep_value_is_counted_against_the_depth_bound()
    {
        static string Nested(int depth) => "{\"messages\":[{\"role\":\"user\",\"content\":" + new string('[', depth - 3) + new string(']', depth - 3) + "}]}";

        RequestParts.Find(BridgedApi.AnthropicMessages, Encoding.UTF8.GetBytes(Nested(GatewayJson.MaxDepth))).FinalTurn.Should().NotBeNull();
        var act = () => RequestParts.Find(BridgedApi.AnthropicMessages, Encoding.UTF8.GetBytes(Nested(GatewayJson.MaxDepth + 1)));
        act.Should().Throw<JsonException>().WithMessage("*depth*");
    }

    private static string? Raw(byte[] json, Range? range) => range is { } r ? Encoding.UTF8.GetString(json.AsSpan()[r]) : null;

    private static string? Raw(JsonElement element) => Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(element));

    private static string? Member(JsonElement root, string name, bool skipNull = false) =>
        root.TryGetProperty(name, out var value) && !(skipNull && value.ValueKind == JsonValueKind.Null) ? Raw(value) : null;

    private static IEnumerable<JsonElement> Entries(BridgedApi api, JsonElement root) =>
        root.TryGetProperty(api == BridgedApi.Responses ? "input" : "messages", out var entries) && entries.ValueKind == JsonValueKind.Array
            ? entries.EnumerateArray()
            : [];

    private static bool IsInstruction(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("role", out var role) && role.ValueKind == JsonValueKind.String
        && role.GetString() is "system" or "developer";

    private static string? FinalTurn(BridgedApi api, JsonElement root) =>
        Entries(api, root).Where(e => !IsInstruction(e)).Select(Raw).LastOrDefault();

    private static List<string?> SystemParts(BridgedApi api, JsonElement root)
    {
        if (api == BridgedApi.AnthropicMessages)
        {
            return Member(root, "system", skipNull: true) is { } system ? [system] : [];
        }

        var parts = new List<string?>();
        if (api == BridgedApi.Responses && Member(root, "instructions", skipNull: true) is { } instructions)
        {
            parts.Add(instructions);
        }

        parts.AddRange(Entries(api, root).Where(IsInstruction).Select(Raw));
        return parts;
    }

    /// <summary>Random request bodies: the members the gateway reads among others, some twice, in any order and spacing.</summary>
    private sealed class BodyWriter(Random random)
    {
        private static readonly string[] Names =
            ["model", "stream", "metadata", "tools", "system", "instructions", "messages", "input", "max_tokens", "max_completion_tokens", "max_output_tokens", "temperature", "mod\\u0065l", "x"];

        private static readonly string[] Roles = ["user", "assistant", "system", "developer", "tool", "sys\\u0074em", "developer "];

        public string Request()
        {
            var text = new StringBuilder();
            text.Append(Space()).Append('{');
            var count = random.Next(0, 9);
            for (var i = 0; i < count; i++)
            {
                var name = Names[random.Next(Names.Length)];
                text.Append(i > 0 ? "," : "").Append(Space()).Append('"').Append(name).Append('"').Append(Space()).Append(':').Append(Space());
                text.Append(name is "messages" or "input" && random.Next(4) > 0 ? Conversation() : Value(random.Next(1, 5))).Append(Space());
            }

            return text.Append('}').Append(Space()).ToString();
        }

        private string Conversation()
        {
            var entries = Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(6) switch
            {
                0 => Value(2),
                _ => "{" + Space() + "\"role\"" + Space() + ":" + Space() + (random.Next(5) == 0 ? Value(1) : $"\"{Roles[random.Next(Roles.Length)]}\"")
                     + "," + Space() + "\"content\":" + Value(random.Next(1, 4)) + (random.Next(3) == 0 ? ",\"role\":\"user\"" : "") + "}",
            });
            return "[" + Space() + string.Join("," + Space(), entries) + Space() + "]";
        }

        private string Value(int depth) => (depth <= 0 ? random.Next(4) : random.Next(6)) switch
        {
            0 => String(),
            1 => random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" },
            2 => (random.NextDouble() * 1000 - 500).ToString("0.###", CultureInfo.InvariantCulture),
            3 => random.Next(-5, 100000).ToString(CultureInfo.InvariantCulture),
            4 => "[" + string.Join("," + Space(), Enumerable.Range(0, random.Next(0, 4)).Select(_ => Value(depth - 1))) + "]",
            _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(i => Space() + String() + Space() + ":" + Space() + Value(depth - 1))) + "}",
        };

        private string String()
        {
            string[] pieces = ["a", "Zé", "\\\"", "\\\\", "\\n", "\\u00e9", "\\ud83d\\ude00", "😀", "{", "}", "[", "]", ",", ":", " ", "\\/"];
            return "\"" + string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => pieces[random.Next(pieces.Length)])) + "\"";
        }

        private string Space() => random.Next(4) switch { 0 => " ", 1 => "\n\t ", _ => "" };
    }
}

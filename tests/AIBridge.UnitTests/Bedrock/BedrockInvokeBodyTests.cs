using System.Text;
using System.Text.Json;
using AIBridge.Application.Gateway.Bedrock;

namespace AIBridge.UnitTests.Bedrock;

public sealed class BedrockInvokeBodyTests
{
    private const string Sonnet45 = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    private static JsonElement Translate(string body, string? betas = null, string model = Sonnet45) =>
        JsonDocument.Parse(BedrockInvokeBody.Translate(Encoding.UTF8.GetBytes(body), betas, model)).RootElement.Clone();

    [Fact]
    public void The_model_stream_and_members_bedrock_refuses_leave_and_the_bedrock_version_is_set()
    {
        var body = Translate("""
            {"model":"claude-sonnet-4-5","stream":true,"max_tokens":100,"metadata":{"user_id":"u"},"service_tier":"auto","container":"c","inference_geo":"us",
             "messages":[{"role":"user","content":"hi"}],"system":"be brief","output_config":{"effort":"low"},"context_management":{"edits":[]}}
            """);

        body.EnumerateObject().Select(m => m.Name).Should().BeEquivalentTo("max_tokens", "messages", "system", "anthropic_version");
        body.GetProperty("anthropic_version").GetString().Should().Be("bedrock-2023-05-31");
        body.GetProperty("messages")[0].GetProperty("content").GetString().Should().Be("hi");
    }

    [Fact]
    public void Betas_become_a_filtered_array_and_keep_the_members_they_enable()
    {
        var body = Translate("""{"max_tokens":10,"messages":[],"context_management":{"edits":[]},"output_config":{"effort":"high"}}""",
            "interleaved-thinking-2025-05-14, unknown-beta-2099-01-01,context-management-2025-06-27,effort-2025-11-24,context-1m-2025-08-07");

        body.GetProperty("anthropic_beta").EnumerateArray().Select(b => b.GetString())
            .Should().Equal("interleaved-thinking-2025-05-14", "context-management-2025-06-27", "context-1m-2025-08-07");
        body.TryGetProperty("context_management", out _).Should().BeTrue("its beta survived for Sonnet 4.5");
        body.TryGetProperty("output_config", out _).Should().BeFalse("effort is an Opus 4.5 beta only");

        var opus = Translate("""{"max_tokens":10,"messages":[],"output_config":{"effort":"high"}}""", "effort-2025-11-24", "anthropic.claude-opus-4-5-20251101-v1:0");
        opus.GetProperty("anthropic_beta").EnumerateArray().Select(b => b.GetString()).Should().Equal("effort-2025-11-24");
        opus.GetProperty("output_config").GetProperty("effort").GetString().Should().Be("high");
        Translate("""{"max_tokens":10,"messages":[]}""").TryGetProperty("anthropic_beta", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("low", 10000, """{"type":"enabled","budget_tokens":2000}""")]
    [InlineData("medium", 10000, """{"type":"enabled","budget_tokens":5000}""")]
    [InlineData(null, 10000, """{"type":"enabled","budget_tokens":8000}""")]
    [InlineData("high", 10001, """{"type":"enabled","budget_tokens":8000}""")]
    [InlineData("max", 10000, """{"type":"enabled","budget_tokens":9500}""")]
    [InlineData("low", 5000, """{"type":"disabled"}""")]
    public void Adaptive_thinking_becomes_a_budget_of_the_output_limit(string? effort, int maxTokens, string thinking)
    {
        var config = effort is null ? "" : $$""","output_config":{"effort":"{{effort}}"}""";
        var body = Translate($$"""{"max_tokens":{{maxTokens}},"messages":[],"thinking":{"type":"adaptive"}{{config}}}""");

        body.GetProperty("thinking").GetRawText().Should().Be(thinking);
    }

    [Fact]
    public void Adaptive_thinking_stays_for_the_models_that_have_it_and_without_an_output_limit()
    {
        Translate("""{"max_tokens":10000,"messages":[],"thinking":{"type":"adaptive"}}""", model: "global.anthropic.claude-opus-4-6-v1")
            .GetProperty("thinking").GetRawText().Should().Be("""{"type":"adaptive"}""");
        Translate("""{"messages":[],"thinking":{"type":"adaptive"}}""").GetProperty("thinking").GetRawText().Should().Be("""{"type":"adaptive"}""");
    }

    [Fact]
    public void Haiku_requests_go_to_the_small_fast_model_and_the_others_to_the_model()
    {
        var settings = new BedrockSettings("us-east-1", BedrockSettings.Invoke, Sonnet45, "us.anthropic.claude-haiku-4-5-20251001-v1:0", null);

        settings.ModelFor("claude-haiku-4-5").Should().Be("us.anthropic.claude-haiku-4-5-20251001-v1:0");
        settings.ModelFor("claude-opus-4-6").Should().Be(Sonnet45);
        settings.DefaultBaseUrl().Should().Be(new Uri("https://bedrock-runtime.us-east-1.amazonaws.com"));
        (settings with { Mode = BedrockSettings.Mantle }).DefaultBaseUrl().Should().Be(new Uri("https://bedrock-mantle.us-east-1.api.aws/anthropic"));
        BedrockAccess.RegionOf(new Uri("https://bedrock-runtime.eu-west-3.amazonaws.com")).Should().Be("eu-west-3");
        BedrockAccess.RegionOf(new Uri("http://127.0.0.1:9000")).Should().BeNull();
    }

    [Theory]
    [InlineData(429, "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/", """{"message":"slow down"}""", "rate_limit_error", "slow down")]
    [InlineData(400, "ValidationException", """{"Message":"max_tokens: field required"}""", "invalid_request_error", "max_tokens: field required")]
    [InlineData(403, null, """{"message":"You don't have access to the model"}""", "permission_error", "You don't have access to the model")]
    [InlineData(424, "ModelErrorException", "not json", "invalid_request_error", "ModelErrorException")]
    [InlineData(503, null, "", "overloaded_error", "Bedrock answered 503")]
    [InlineData(500, "InternalServerException", "{}", "api_error", "InternalServerException")]
    public void Bedrock_errors_take_anthropics_shape(int status, string? errorType, string body, string type, string message) =>
        Encoding.UTF8.GetString(BedrockError.ToAnthropic(status, errorType, Encoding.UTF8.GetBytes(body)))
            .Should().Be(JsonSerializer.Serialize(new { type = "error", error = new { type, message } }));
}

using Microsoft.AspNetCore.Http;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Usage;

/// <summary>
/// Randomly varied traffic sent through the gateway at chosen instants: its own host runs on a clock the
/// traffic moves, so requests land in the hours, days and clock changes a test needs.
/// </summary>
public sealed class UsageTraffic(FakeUpstream upstream, ShiftedClock clock, HttpClient gateway)
{
    public static readonly string[] AnthropicModels = ["claude-sonnet-4-5", "claude-haiku-4-5", "claude-unpriced-9"];
    public static readonly string[] OpenAIModels = ["gpt-4.1", "gpt-5-mini", "gpt-unpriced-9"];
    private static readonly string[] Agents = ["claude-cli/2.0.0", "codex_cli_rs/0.50.0", "curl/8.0"];

    /// <summary>A host on <paramref name="clock"/>, both providers pointing at <paramref name="upstream"/>.</summary>
    public static AIBridgeFactory Host(DatabaseFixture fixture, FakeUpstream upstream, ShiftedClock clock, params (string, string)[] settings)
    {
        var url = upstream.BaseAddress.ToString().TrimEnd('/');
        return new AIBridgeFactory(fixture.Provider, fixture.ConnectionString,
        [
            ("AIBridge:Providers:anthropic:Type", "anthropic"), ("AIBridge:Providers:anthropic:BaseUrl", url),
            ("AIBridge:Providers:anthropic:ApiKey", DatabaseFixture.AnthropicKey),
            ("AIBridge:Providers:openai:Type", "openai"), ("AIBridge:Providers:openai:BaseUrl", url + "/v1"),
            ("AIBridge:Providers:openai:ApiKey", DatabaseFixture.OpenAIKey),
            ("AIBridge:Recording:MaxBatchDelay", "00:00:00.005"),
            .. settings,
        ])
        {
            Clock = clock,
        };
    }

    /// <summary>One request at <paramref name="at"/> by the token's user; returns its interception id.</summary>
    public async Task<Guid> SendAsync(Random random, DateTime at, string token)
    {
        clock.Offset = at - TimeProvider.System.GetUtcNow().UtcDateTime;
        var anthropic = random.Next(2) == 0;
        var model = (anthropic ? AnthropicModels : OpenAIModels)[random.Next(3)];
        var (input, output, read, write) = (random.Next(1, 5000), random.Next(1, 900), random.Next(0, 40_000), random.Next(0, 3000));
        var tool = random.Next(3) == 0;
        var delay = TimeSpan.FromMilliseconds(random.Next(0, 4) * 40);
        upstream.Respond(async context =>
        {
            await Task.Delay(delay);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(anthropic ? AnthropicAnswer(model, input, output, read, write, tool) : OpenAIAnswer(model, input, output, read, tool));
        });

        using var request = new HttpRequestMessage(HttpMethod.Post, anthropic ? "/api/v2/aibridge/anthropic/v1/messages" : "/api/v2/aibridge/openai/v1/chat/completions");
        request.Headers.UserAgent.ParseAdd(Agents[random.Next(Agents.Length)]);
        if (anthropic)
        {
            request.Headers.Add("X-Api-Key", token);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Content = new StringContent(anthropic
            ? $$"""{"model":"{{model}}","max_tokens":100,"messages":[{"role":"user","content":"question {{random.Next()}}"}]}"""
            : $$"""{"model":"{{model}}","messages":[{"role":"user","content":"question {{random.Next()}}"}]}""", Encoding.UTF8, "application/json");
        using var response = await gateway.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.GetValues("X-AIBridge-Interception-Id").Single());
    }

    private const string AnthropicTool = ""","{"type":"tool_use","id":"toolu_u","name":"Read","input":{"file_path":"/a"}}""";
    private const string OpenAITool = ""","tool_calls":[{"id":"call_u","type":"function","function":{"name":"Read","arguments":"{}"}}]""";

    private static string AnthropicAnswer(string model, int input, int output, int read, int write, bool tool) => $$$"""
        {"id":"msg_u","type":"message","role":"assistant","model":"{{{model}}}",
         "content":[{"type":"text","text":"ok"}{{{(tool ? AnthropicTool : "")}}}],
         "stop_reason":"end_turn","usage":{"input_tokens":{{{input}}},"cache_read_input_tokens":{{{read}}},"cache_creation_input_tokens":{{{write}}},"output_tokens":{{{output}}}}}
        """;

    private static string OpenAIAnswer(string model, int input, int output, int cached, bool tool) => $$$"""
        {"id":"chatcmpl-u","object":"chat.completion","model":"{{{model}}}","choices":[{"index":0,"message":{"role":"assistant","content":"ok"{{{(tool ? OpenAITool : "")}}}},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":{{{input + cached}}},"completion_tokens":{{{output}}},"total_tokens":{{{input + cached + output}}},"prompt_tokens_details":{"cached_tokens":{{{cached}}} } } }
        """;
}

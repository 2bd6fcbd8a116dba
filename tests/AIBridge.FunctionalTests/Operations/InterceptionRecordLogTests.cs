using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Operations;

/// <summary>
/// <c>AIBridge:InterceptionLogs=true</c> with the JSON console format, in a process of its own: one
/// Claude Code request writes a line per record, each one JSON object with the record's fields at the top
/// level, holding the values the audit API shows for the same interception.
/// </summary>
public sealed class InterceptionRecordLogTests
{
    [Fact]
    public async Task A_claude_code_request_writes_each_record_as_a_json_line_with_the_recorded_values()
    {
        await using var upstream = new FakeUpstream();
        await upstream.StartAsync();
        upstream.RespondWithEvents(ProviderFixtures.AnthropicStream);
        var folder = Directory.CreateTempSubdirectory("aibridge-logs-").FullName;
        using var process = AIBridgeChild.Start(folder, "Logging__Console__FormatterName=json", "AIBridge__InterceptionLogs=true",
            "AIBridge__Providers__anthropic__Type=anthropic", $"AIBridge__Providers__anthropic__BaseUrl={upstream.BaseAddress.ToString().TrimEnd('/')}");
        var lines = new ConcurrentQueue<JsonElement>();
        var listening = new TaskCompletionSource<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            var json = JsonDocument.Parse(line).RootElement.Clone();
            lines.Enqueue(json);
            if (json.TryGetProperty("address", out var address))
            {
                listening.TrySetResult(address.GetString()!);
            }
        };
        process.BeginOutputReadLine();
        try
        {
            var api = new ApiClient(new Uri(await listening.Task.WaitAsync(TimeSpan.FromSeconds(60))));
            var owner = await api.CreateOwnerAsync();
            using var client = api.Anonymous();
            client.DefaultRequestHeaders.Add("X-Api-Key", await api.CreateTokenAsync(owner));
            client.DefaultRequestHeaders.UserAgent.ParseAdd("claude-cli/2.1.197");
            using var response = await client.PostAsync("/api/v2/aibridge/anthropic/v1/messages",
                new StringContent(ProviderFixtures.AnthropicRequest, Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            await response.Content.ReadAsStringAsync();
            var id = response.Headers.GetValues("X-AIBridge-Interception-Id").Single();

            var records = await RecordsAsync(lines, id);
            var recorded = await api.EndedInterceptionAsync(owner, id);

            records.Select(r => r.GetProperty("record_type").GetString()).Should().BeEquivalentTo(
                ["interception_start", "token_usage", "tool_usage", "tool_usage", "model_thought", "prompt_usage", "interception_end"]);
            foreach (var record in records)
            {
                record.GetProperty("Message").GetString().Should().Be("interception log");
                record.EnumerateObject().SkipWhile(p => p.Name != "record_type").First().Name.Should().Be("record_type", "it is the first field");
                record.GetProperty("interception_id").GetString().Should().Be(id);
            }

            var start = records.Single(r => Type(r) == "interception_start");
            Fields(start).Should().Equal("record_type", "interception_id", "initiator_id", "api_key_id", "provider", "model", "client", "client_session_id",
                "started_at", "metadata", "correlating_tool_call_id");
            start.GetProperty("initiator_id").GetString().Should().Be(owner.Id.ToString());
            start.GetProperty("api_key_id").GetString().Should().Be(recorded.GetProperty("api_key_id").GetString());
            start.GetProperty("provider").GetString().Should().Be(recorded.GetProperty("provider").GetString());
            start.GetProperty("model").GetString().Should().Be("claude-sonnet-4").And.Be(recorded.GetProperty("model").GetString());
            start.GetProperty("client").GetString().Should().Be("Claude Code").And.Be(recorded.GetProperty("client").GetString());
            start.GetProperty("client_session_id").GetString().Should().Be("cc-session-1");
            Instant(start, "started_at").Should().Be(Instant(recorded, "started_at"));
            start.GetProperty("metadata").GetProperty("request_user_agent").GetString().Should().Be("claude-cli/2.1.197");
            start.GetProperty("correlating_tool_call_id").GetString().Should().BeEmpty();

            var end = records.Single(r => Type(r) == "interception_end");
            Fields(end).Should().Equal("record_type", "interception_id", "ended_at");
            Instant(end, "ended_at").Should().Be(Instant(recorded, "ended_at"));

            var usage = records.Single(r => Type(r) == "token_usage");
            var storedUsage = recorded.GetProperty("token_usages").EnumerateArray().Single();
            Fields(usage).Should().Equal("record_type", "interception_id", "msg_id", "input_tokens", "output_tokens", "cache_read_input_tokens",
                "cache_write_input_tokens", "created_at", "metadata");
            usage.GetProperty("msg_id").GetString().Should().NotBeEmpty().And.Be(storedUsage.GetProperty("provider_response_id").GetString());
            foreach (var field in new[] { "input_tokens", "output_tokens", "cache_read_input_tokens", "cache_write_input_tokens" })
            {
                usage.GetProperty(field).GetInt64().Should().Be(storedUsage.GetProperty(field).GetInt64(), field);
            }

            Instant(usage, "created_at").Should().Be(Instant(storedUsage, "created_at"));
            usage.GetProperty("metadata").ValueKind.Should().Be(JsonValueKind.Object);

            var prompt = records.Single(r => Type(r) == "prompt_usage");
            var storedPrompt = recorded.GetProperty("user_prompts").EnumerateArray().Single();
            Fields(prompt).Should().Equal("record_type", "interception_id", "msg_id", "prompt", "created_at", "metadata");
            prompt.GetProperty("prompt").GetString().Should().NotBeEmpty().And.Be(storedPrompt.GetProperty("prompt").GetString());
            prompt.GetProperty("msg_id").GetString().Should().Be(storedPrompt.GetProperty("provider_response_id").GetString());
            Instant(prompt, "created_at").Should().Be(Instant(storedPrompt, "created_at"));

            var storedTools = recorded.GetProperty("tool_usages").EnumerateArray().ToList();
            foreach (var tool in records.Where(r => Type(r) == "tool_usage"))
            {
                Fields(tool).Should().Equal("record_type", "interception_id", "msg_id", "tool_call_id", "item_id", "tool", "input", "server_url", "injected",
                    "invocation_error", "created_at", "metadata");
                var stored = storedTools.Single(t => t.GetProperty("tool").GetString() == tool.GetProperty("tool").GetString());
                tool.GetProperty("input").GetString().Should().Be(stored.GetProperty("input").GetString());
                tool.GetProperty("msg_id").GetString().Should().Be(stored.GetProperty("provider_response_id").GetString());
                tool.GetProperty("tool_call_id").GetString().Should().StartWith("toolu_");
                tool.GetProperty("server_url").GetString().Should().BeEmpty();
                tool.GetProperty("injected").GetBoolean().Should().BeFalse();
                tool.GetProperty("invocation_error").GetString().Should().BeEmpty();
                Instant(tool, "created_at").Should().Be(Instant(stored, "created_at"));
            }

            var thought = records.Single(r => Type(r) == "model_thought");
            Fields(thought).Should().Equal("record_type", "interception_id", "content", "created_at", "metadata");
            thought.GetProperty("content").GetString().Should().NotBeEmpty();
            thought.GetProperty("metadata").GetProperty("source").GetString().Should().Be("thinking");
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The interception's lines, once its end has been logged.</summary>
    private static async Task<List<JsonElement>> RecordsAsync(ConcurrentQueue<JsonElement> lines, string id)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var records = lines.Where(l => l.TryGetProperty("interception_id", out var i) && i.GetString() == id).ToList();
            if (records.Any(r => Type(r) == "interception_end") || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                return records;
            }

            await Task.Delay(20);
        }
    }

    private static string? Type(JsonElement record) => record.GetProperty("record_type").GetString();

    /// <summary>The record's own fields, in order: those after the log line's envelope.</summary>
    private static List<string> Fields(JsonElement record) =>
        record.EnumerateObject().Select(p => p.Name).SkipWhile(name => name != "record_type").ToList();

    private static DateTimeOffset Instant(JsonElement element, string name) =>
        DateTimeOffset.Parse(element.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}

using System.Text.Json;
using AIBridge.FunctionalTests.Infrastructure;
using static AIBridge.FunctionalTests.Infrastructure.JsonShape;

namespace AIBridge.FunctionalTests.Audit;

/// <summary>
/// Every field name and JSON type of the read API's response shapes (§7–§11), as a client written
/// against Coder's API would decode them: null vs absent, omitted-when-empty, never-null arrays.
/// </summary>
public abstract class ContractTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly (string, Json[])[] MinimalUser =
        [Key("id", Json.Uuid), Key("username", Json.String), Key("name", Json.String), Key("avatar_url", Json.String)];

    private static readonly (string, Json[])[] TokenSums =
        [Key("input_tokens", Json.Number), Key("output_tokens", Json.Number), Key("cache_read_input_tokens", Json.Number), Key("cache_write_input_tokens", Json.Number)];

    private readonly InterceptionSeeder _seed = new(fixture);

    [Fact]
    public async Task Interceptions()
    {
        var owner = await Api.CreateOwnerAsync();
        var full = InterceptionSeeder.New(owner.Id, client: "Cursor", minute: 1).WithPrompt("p").WithTokens(1, 2).WithTool("t", serverUrl: "https://mcp", invocationError: "e");
        var bare = InterceptionSeeder.New(owner.Id, minute: 0);
        bare.ApiKeyId = null;
        bare.Metadata = null;
        var odd = InterceptionSeeder.New(owner.Id, minute: -1);
        odd.Metadata = "[1,2]";
        await _seed.SaveAsync(full, bare, odd);

        var body = await Api.GetOkAsync(owner, "/api/v2/aibridge/interceptions");

        body.ShouldHaveShape("response", Key("count", Json.Number), Key("results", Json.Array));
        var results = body.GetProperty("results").EnumerateArray().ToList();
        foreach (var interception in results)
        {
            interception.ShouldHaveShape("interception",
                Key("id", Json.Uuid), Key("api_key_id", Json.String, Json.Null), Key("initiator", Json.Object),
                Key("provider", Json.String), Key("provider_name", Json.String), Key("model", Json.String),
                Key("client", Json.String, Json.Null), Key("metadata", Json.Object, Json.Null),
                Key("started_at", Json.Time), Key("ended_at", Json.Time, Json.Null),
                Key("status_code", Json.Number, Json.Null), Key("error", Json.Object, Json.Null),
                Key("ttfb_ms", Json.Number, Json.Null), Key("duration_ms", Json.Number, Json.Null),
                Key("token_usages", Json.Array), Key("user_prompts", Json.Array), Key("tool_usages", Json.Array));
            interception.GetProperty("initiator").ShouldHaveShape("initiator", MinimalUser);
        }

        results[0].GetProperty("token_usages")[0].ShouldHaveShape("token usage",
            [Key("id", Json.Uuid), Key("interception_id", Json.Uuid), Key("provider_response_id", Json.String), .. TokenSums,
             Key("metadata", Json.Object, Json.Null), Key("created_at", Json.Time)]);
        results[0].GetProperty("user_prompts")[0].ShouldHaveShape("user prompt",
            Key("id", Json.Uuid), Key("interception_id", Json.Uuid), Key("provider_response_id", Json.String), Key("prompt", Json.String),
            Key("metadata", Json.Object, Json.Null), Key("created_at", Json.Time));
        results[0].GetProperty("tool_usages")[0].ShouldHaveShape("tool usage",
            Key("id", Json.Uuid), Key("interception_id", Json.Uuid), Key("provider_response_id", Json.String), Key("server_url", Json.String),
            Key("tool", Json.String), Key("input", Json.String), Key("injected", Json.Bool), Key("invocation_error", Json.String),
            Key("metadata", Json.Object, Json.Null), Key("created_at", Json.Time));

        results[1].GetProperty("client").ValueKind.Should().Be(JsonValueKind.Null);
        results[1].GetProperty("metadata").ValueKind.Should().Be(JsonValueKind.Null);
        results[1].GetProperty("token_usages").GetArrayLength().Should().Be(0);
        results[2].GetProperty("metadata").GetRawText().Should().Be("{}");
    }

    [Fact]
    public async Task Sessions()
    {
        var owner = await Api.CreateOwnerAsync();
        await _seed.SaveAsync(
            InterceptionSeeder.New(owner.Id, client: "Codex", minute: 1, clientSessionId: "with-prompt").WithPrompt("p").WithTokens(3, 4),
            InterceptionSeeder.New(owner.Id, minute: 0));

        var body = await Api.GetOkAsync(owner, "/api/v2/aibridge/sessions");

        body.ShouldHaveShape("response", Key("count", Json.Number), Key("sessions", Json.Array));
        var sessions = body.GetProperty("sessions").EnumerateArray().ToList();
        (string, Json[])[] common =
        [
            Key("id", Json.String), Key("initiator", Json.Object), Key("providers", Json.Array), Key("models", Json.Array),
            Key("client", Json.String, Json.Null), Key("metadata", Json.Object, Json.Null), Key("started_at", Json.Time),
            Key("ended_at", Json.Time), Key("threads", Json.Number), Key("token_usage_summary", Json.Object), Key("last_active_at", Json.Time),
        ];
        sessions[0].ShouldHaveShape("session with a prompt", [.. common, Key("last_prompt", Json.String)]);
        sessions[1].ShouldHaveShape("session without a prompt (last_prompt omitted, client null but present)", common);
        sessions[1].GetProperty("client").ValueKind.Should().Be(JsonValueKind.Null);
        foreach (var session in sessions)
        {
            session.GetProperty("initiator").ShouldHaveShape("initiator", MinimalUser);
            session.GetProperty("token_usage_summary").ShouldHaveShape("token usage summary", TokenSums);
            session.GetProperty("providers").EnumerateArray().Should().AllSatisfy(p => p.ValueKind.Should().Be(JsonValueKind.String));
        }
    }

    [Fact]
    public async Task Session_threads()
    {
        var owner = await Api.CreateOwnerAsync();
        var root = InterceptionSeeder.New(owner.Id, client: "claude-code", minute: 0, clientSessionId: "s").WithPrompt("p").WithThought("hmm").WithTool("t").WithTokens(1, 1);
        var child = InterceptionSeeder.New(owner.Id, minute: 1, clientSessionId: "s", parent: root).WithTokens(1, 1);
        var noClient = InterceptionSeeder.New(owner.Id, minute: 5);
        await _seed.SaveAsync(root, child, noClient);

        var body = await Api.GetOkAsync(owner, "/api/v2/aibridge/sessions/s");

        (string, Json[])[] header =
        [
            Key("id", Json.String), Key("initiator", Json.Object), Key("providers", Json.Array), Key("models", Json.Array),
            Key("metadata", Json.Object, Json.Null), Key("started_at", Json.Time), Key("ended_at", Json.Time),
            Key("token_usage_summary", Json.Object), Key("threads", Json.Array),
        ];
        body.ShouldHaveShape("session threads", [.. header, Key("client", Json.String), Key("page_started_at", Json.Time), Key("page_ended_at", Json.Time)]);
        body.GetProperty("initiator").ShouldHaveShape("initiator", MinimalUser);
        body.GetProperty("token_usage_summary").ShouldHaveShape("summary", [.. TokenSums, Key("metadata", Json.Object)]);
        var thread = body.GetProperty("threads")[0];
        (string, Json[])[] threadKeys =
        [
            Key("id", Json.Uuid), Key("model", Json.String), Key("provider", Json.String), Key("credential_kind", Json.String),
            Key("credential_hint", Json.String), Key("started_at", Json.Time), Key("ended_at", Json.Time),
            Key("status_code", Json.Number, Json.Null), Key("error", Json.Object, Json.Null),
            Key("token_usage", Json.Object), Key("agentic_actions", Json.Array),
        ];
        thread.ShouldHaveShape("thread", [.. threadKeys, Key("prompt", Json.String)]);
        thread.GetProperty("token_usage").ShouldHaveShape("thread token usage", [.. TokenSums, Key("metadata", Json.Object)]);
        var action = thread.GetProperty("agentic_actions")[0];
        action.ShouldHaveShape("agentic action", Key("model", Json.String), Key("token_usage", Json.Object), Key("thinking", Json.Array), Key("tool_calls", Json.Array));
        action.GetProperty("thinking")[0].ShouldHaveShape("thinking", Key("text", Json.String));
        action.GetProperty("tool_calls")[0].ShouldHaveShape("tool call",
            Key("id", Json.Uuid), Key("interception_id", Json.Uuid), Key("provider_response_id", Json.String), Key("server_url", Json.String),
            Key("tool", Json.String), Key("injected", Json.Bool), Key("input", Json.String), Key("metadata", Json.Object, Json.Null), Key("created_at", Json.Time));

        // No client: the key is omitted here (unlike the list). An empty page omits its bounds.
        var bare = await Api.GetOkAsync(owner, $"/api/v2/aibridge/sessions/{noClient.Id}?after_id={noClient.Id}");
        bare.ShouldHaveShape("empty page without client", header);
        bare.GetProperty("threads").GetArrayLength().Should().Be(0);
        (await Api.GetOkAsync(owner, $"/api/v2/aibridge/sessions/{noClient.Id}")).GetProperty("threads")[0]
            .ShouldHaveShape("thread without prompt", threadKeys);
    }

    [Fact]
    public async Task Models_and_clients_are_bare_string_arrays()
    {
        var owner = await Api.CreateOwnerAsync();
        await _seed.AddAsync(owner.Id, client: "Cursor");

        foreach (var path in new[] { "models", "clients" })
        {
            var body = await Api.GetOkAsync(owner, "/api/v2/aibridge/" + path);
            body.ValueKind.Should().Be(JsonValueKind.Array);
            body.EnumerateArray().Should().ContainSingle().Which.ValueKind.Should().Be(JsonValueKind.String);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ContractTests_Sqlite(SqliteFixture fixture) : ContractTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class ContractTests_Postgres(PostgresFixture fixture) : ContractTests(fixture);

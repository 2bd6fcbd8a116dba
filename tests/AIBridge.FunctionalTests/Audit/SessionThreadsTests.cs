using System.Net;
using System.Text.Json;
using AIBridge.Domain.Interceptions;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Audit;

public abstract class SessionThreadsTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Path = "/api/v2/aibridge/sessions/";
    private readonly InterceptionSeeder _seed = new(fixture);

    [Fact]
    public async Task Unknown_session_is_404_and_both_kinds_of_id_are_found()
    {
        var owner = await Api.CreateOwnerAsync();
        var standalone = InterceptionSeeder.New(owner.Id, minute: 1);
        var inFlight = InterceptionSeeder.New(owner.Id, minute: 2, completed: false);
        await _seed.SaveAsync(standalone, inFlight, InterceptionSeeder.New(owner.Id, minute: 3, clientSessionId: "client-session"));

        await (await Api.As(owner.Token).GetAsync(Path + "nope")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "Session not found.");
        await (await Api.As(owner.Token).GetAsync(Path + inFlight.Id)).ShouldBeErrorAsync(HttpStatusCode.NotFound, "Session not found.");
        await (await Api.As(owner.Token).GetAsync(Path + standalone.Id.ToString().ToUpperInvariant())).ShouldBeErrorAsync(HttpStatusCode.NotFound, "Session not found.");
        (await Api.GetOkAsync(owner, Path + standalone.Id)).GetProperty("id").GetString().Should().Be(standalone.Id.ToString());
        (await Api.GetOkAsync(owner, Path + "client-session")).GetProperty("threads").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task A_thread_with_tool_calls_and_thinking()
    {
        var owner = await Api.CreateOwnerAsync();
        var root = InterceptionSeeder.New(owner.Id, client: "claude-code", minute: 0, clientSessionId: "s1")
            .WithPrompt("fix the bug")
            .WithThought("let me look")
            .WithTool("read_file", """{"path":"a.cs"}""")
            .WithTool("grep", """{"pattern":"x"}""", serverUrl: "https://mcp.example")
            .WithTokens(100, 50, """{"cache_read_input":20,"cache_creation_input":10}""");
        root.CredentialKind = CredentialKind.Byok;
        root.CredentialHint = "sk-a...xyz";
        var child = InterceptionSeeder.New(owner.Id, model: "claude-4-haiku", minute: 3, clientSessionId: "s1", parent: root)
            .WithTool("write_file")
            .WithTokens(200, 100, """{"cache_read_input":30,"nested":{"n":"5"},"fraction":1.5}""");
        await _seed.SaveAsync(root, child);

        var body = await Api.GetOkAsync(owner, Path + "s1");

        body.GetProperty("client").GetString().Should().Be("claude-code");
        body.GetProperty("page_started_at").GetDateTime().Should().Be(root.StartedAt);
        body.GetProperty("page_ended_at").GetDateTime().Should().Be(child.EndedAt);
        var thread = body.GetProperty("threads").EnumerateArray().Should().ContainSingle().Subject;
        thread.GetProperty("id").GetGuid().Should().Be(root.Id);
        thread.GetProperty("prompt").GetString().Should().Be("fix the bug");
        thread.GetProperty("credential_kind").GetString().Should().Be("byok");
        thread.GetProperty("credential_hint").GetString().Should().Be("sk-a...xyz");
        thread.GetProperty("token_usage").GetProperty("input_tokens").GetInt64().Should().Be(300);
        thread.GetProperty("token_usage").GetProperty("output_tokens").GetInt64().Should().Be(150);
        thread.GetProperty("token_usage").GetProperty("metadata").GetRawText().Should().Be("""{"cache_creation_input":10,"cache_read_input":50,"nested.n":5}""");

        var actions = thread.GetProperty("agentic_actions").EnumerateArray().ToList();
        actions.Should().HaveCount(2);
        actions[0].GetProperty("model").GetString().Should().Be("claude-4");
        actions[0].GetProperty("tool_calls").EnumerateArray().Select(c => c.GetProperty("tool").GetString()).Should().Equal("read_file", "grep");
        actions[0].GetProperty("tool_calls")[1].GetProperty("server_url").GetString().Should().Be("https://mcp.example");
        actions[0].GetProperty("thinking").EnumerateArray().Select(t => t.GetProperty("text").GetString()).Should().Equal("let me look");
        actions[0].GetProperty("token_usage").GetProperty("input_tokens").GetInt64().Should().Be(100);
        actions[0].GetProperty("token_usage").GetProperty("output_tokens").GetInt64().Should().Be(50);
        actions[1].GetProperty("model").GetString().Should().Be("claude-4-haiku");
        actions[1].GetProperty("thinking").GetArrayLength().Should().Be(0);
        actions[1].GetProperty("tool_calls").GetArrayLength().Should().Be(1);
        body.GetProperty("token_usage_summary").GetProperty("metadata").GetRawText().Should().Be("""{"cache_creation_input":10,"cache_read_input":50,"nested.n":5}""");
    }

    [Fact]
    public async Task Thread_cursors_walk_both_ways()
    {
        var owner = await Api.CreateOwnerAsync();
        var (oldest, middle, newest) = await SeedThreeThreadsAsync(owner);
        static string[] Threads(JsonElement body) => body.GetProperty("threads").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToArray();

        Threads(await Api.GetOkAsync(owner, Path + "s3")).Should().Equal(Id(oldest), Id(middle), Id(newest));
        Threads(await Api.GetOkAsync(owner, $"{Path}s3?limit=1")).Should().Equal(Id(oldest));
        Threads(await Api.GetOkAsync(owner, $"{Path}s3?limit=1&after_id={oldest.Id}")).Should().Equal(Id(middle));
        Threads(await Api.GetOkAsync(owner, $"{Path}s3?limit=1&after_id={middle.Id}")).Should().Equal(Id(newest));
        var end = await Api.GetOkAsync(owner, $"{Path}s3?limit=1&after_id={newest.Id}");
        Threads(end).Should().BeEmpty();
        end.TryGetProperty("page_started_at", out _).Should().BeFalse();
        end.TryGetProperty("page_ended_at", out _).Should().BeFalse();
        end.GetProperty("token_usage_summary").GetProperty("input_tokens").GetInt64().Should().Be(900);

        Threads(await Api.GetOkAsync(owner, $"{Path}s3?before_id={newest.Id}")).Should().Equal(Id(oldest), Id(middle));
        Threads(await Api.GetOkAsync(owner, $"{Path}s3?before_id={newest.Id}&limit=1")).Should().Equal(Id(middle));
        Threads(await Api.GetOkAsync(owner, $"{Path}s3?before_id={middle.Id}")).Should().Equal(Id(oldest));
        Threads(await Api.GetOkAsync(owner, $"{Path}s3?before_id={oldest.Id}")).Should().BeEmpty();

        var summary = (await Api.GetOkAsync(owner, $"{Path}s3?limit=1")).GetProperty("token_usage_summary");
        summary.GetProperty("input_tokens").GetInt64().Should().Be(900);
        summary.GetProperty("output_tokens").GetInt64().Should().Be(450);
        summary.GetProperty("metadata").GetRawText().Should().Be("""{"cache_creation_input":15,"cache_read_input":150}""");
    }

    [Fact]
    public async Task The_summary_covers_threads_beyond_the_first_fifty()
    {
        var owner = await Api.CreateOwnerAsync();
        var roots = Enumerable.Range(0, 60)
            .Select(n => InterceptionSeeder.New(owner.Id, minute: n, clientSessionId: "long").WithTokens(1, 2, """{"cache_read_input":3}"""))
            .ToArray();
        await _seed.SaveAsync(roots);

        var body = await Api.GetOkAsync(owner, Path + "long");

        body.GetProperty("threads").GetArrayLength().Should().Be(50);
        body.GetProperty("token_usage_summary").GetProperty("input_tokens").GetInt64().Should().Be(60);
        body.GetProperty("token_usage_summary").GetProperty("metadata").GetProperty("cache_read_input").GetInt64().Should().Be(180);
        (await Api.GetOkAsync(owner, $"{Path}long?limit=200")).GetProperty("threads").GetArrayLength().Should().Be(60);
    }

    [Fact]
    public async Task Cursor_and_parameter_errors()
    {
        var owner = await Api.CreateOwnerAsync();
        var (oldest, _, newest) = await SeedThreeThreadsAsync(owner);
        var other = await _seed.AddAsync(owner.Id, minute: 500);
        var client = Api.As(owner.Token);
        var random = Guid.NewGuid();

        await (await client.GetAsync($"{Path}s3?after_id={random}")).ShouldBeErrorAsync(HttpStatusCode.BadRequest,
            "Invalid pagination cursor.", $"after_id: interception {random} not found: invalid pagination cursor");
        await (await client.GetAsync($"{Path}s3?before_id={other.Id}")).ShouldBeErrorAsync(HttpStatusCode.BadRequest,
            "Invalid pagination cursor.", $"before_id: interception {other.Id} does not belong to session s3: invalid pagination cursor");
        await (await client.GetAsync($"{Path}s3?after_id={oldest.Id}&before_id={newest.Id}")).ShouldBeErrorAsync(HttpStatusCode.BadRequest,
            "Cannot use both after_id and before_id in the same request.");
        await (await client.GetAsync($"{Path}s3?after_id=nope")).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "Invalid after_id query parameter.", "invalid UUID length: 4");
        await (await client.GetAsync($"{Path}s3?before_id=nope")).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "Invalid before_id query parameter.");
        foreach (var limit in new[] { "0", "201", "-1", "x", "1.5" })
        {
            await (await client.GetAsync($"{Path}s3?limit={limit}")).ShouldBeErrorAsync(HttpStatusCode.BadRequest,
                "Invalid limit query parameter.", "Limit must be between 1 and 200.");
        }

        // Step 5 (the session) runs before the cursor check.
        await (await client.GetAsync($"{Path}unknown?after_id={random}")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "Session not found.");
    }

    [Fact]
    public async Task Members_get_404_even_for_their_own_session()
    {
        var owner = await Api.CreateOwnerAsync();
        var member = await Api.CreateUserAsync(owner, "member");
        var auditor = await Api.CreateUserAsync(owner, "auditor", "auditor");
        var own = await _seed.AddAsync(member.Id);

        await (await Api.As(member.Token).GetAsync(Path + own.Id)).ShouldBeErrorAsync(HttpStatusCode.NotFound, "Session not found.");
        (await Api.GetOkAsync(auditor, Path + own.Id)).GetProperty("initiator").GetProperty("username").GetString().Should().Be("member");
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("sk-a...wxyz", "sk-a...wxyz")]
    [InlineData("sk-ant-api03-se", "...")]
    [InlineData("...", "...")]
    public async Task Credential_hints_are_shown_only_when_masked(string stored, string shown)
    {
        var owner = await Api.CreateOwnerAsync();
        var root = InterceptionSeeder.New(owner.Id, clientSessionId: "hint");
        root.CredentialHint = stored;
        await _seed.SaveAsync(root);

        var thread = (await Api.GetOkAsync(owner, Path + "hint")).GetProperty("threads")[0];

        thread.GetProperty("credential_hint").GetString().Should().Be(shown);
    }

    [Fact]
    public async Task Session_ids_with_slashes_and_other_characters_are_matched_exactly()
    {
        var owner = await Api.CreateOwnerAsync();
        foreach (var id in new[] { "a/b", "a%2Fb", "ünïcode sessïon", "Case" })
        {
            await _seed.SaveAsync(InterceptionSeeder.New(owner.Id, clientSessionId: id));
        }

        (await Api.GetOkAsync(owner, Path + "a%2Fb")).GetProperty("id").GetString().Should().Be("a/b");
        (await Api.GetOkAsync(owner, Path + "a%252Fb")).GetProperty("id").GetString().Should().Be("a%2Fb");
        (await Api.GetOkAsync(owner, Path + Uri.EscapeDataString("ünïcode sessïon"))).GetProperty("id").GetString().Should().Be("ünïcode sessïon");
        await (await Api.As(owner.Token).GetAsync(Path + "case")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "Session not found.");
    }

    /// <summary>Three roots in session s3, each with 300 in / 150 out and counters 50 read / 5 creation.</summary>
    private async Task<(Interception Oldest, Interception Middle, Interception Newest)> SeedThreeThreadsAsync(TestUser owner)
    {
        Interception Root(int minute) => InterceptionSeeder.New(owner.Id, minute: minute, clientSessionId: "s3")
            .WithTokens(300, 150, """{"cache_read_input":50,"cache_creation_input":5}""");
        var threads = (Root(0), Root(10), Root(20));
        await _seed.SaveAsync(threads.Item1, threads.Item2, threads.Item3);
        return threads;
    }

    private static string Id(Interception interception) => interception.Id.ToString();
}

[Collection(SqliteCollection.Name)]
public sealed class SessionThreadsTests_Sqlite(SqliteFixture fixture) : SessionThreadsTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class SessionThreadsTests_Postgres(PostgresFixture fixture) : SessionThreadsTests(fixture);

using System.Net;
using System.Text.Json;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Audit;

public abstract class SessionsTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Path = "/api/v2/aibridge/sessions";
    private readonly InterceptionSeeder _seed = new(fixture);

    [Fact]
    public async Task Empty_and_in_flight_only_give_no_sessions()
    {
        var owner = await Api.CreateOwnerAsync();
        await _seed.AddAsync(owner.Id, completed: false);

        var body = await Api.GetOkAsync(owner, Path);

        body.GetProperty("count").GetInt64().Should().Be(0);
        body.GetProperty("sessions").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Four_kinds_of_session_with_their_summaries()
    {
        var owner = await Api.CreateOwnerAsync();
        var (rootA, standalone, threadRoot) = await SeedFourSessionsAsync(owner);

        var body = await Api.GetOkAsync(owner, Path);

        body.GetProperty("count").GetInt64().Should().Be(4);
        var sessions = body.GetProperty("sessions").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        sessions.Keys.Should().BeEquivalentTo("session-A", threadRoot.Id.ToString(), standalone.Id.ToString(), "session-multi");

        var a = sessions["session-A"];
        Strings(a, "providers").Should().Equal("anthropic");
        Strings(a, "models").Should().Equal("claude-4", "claude-4-haiku");
        a.GetProperty("client").GetString().Should().Be("claude-code");
        a.GetProperty("token_usage_summary").GetProperty("input_tokens").GetInt64().Should().Be(300);
        a.GetProperty("token_usage_summary").GetProperty("output_tokens").GetInt64().Should().Be(125);
        a.GetProperty("last_prompt").GetString().Should().Be("second prompt");
        a.GetProperty("threads").GetInt64().Should().Be(1);
        a.GetProperty("started_at").GetDateTime().Should().Be(rootA.StartedAt);
        a.GetProperty("initiator").GetProperty("id").GetGuid().Should().Be(owner.Id);

        var alone = sessions[standalone.Id.ToString()];
        alone.GetProperty("threads").GetInt64().Should().Be(1);
        alone.TryGetProperty("last_prompt", out _).Should().BeFalse();
        alone.GetProperty("client").ValueKind.Should().Be(JsonValueKind.Null);
        alone.GetProperty("last_active_at").GetDateTime().Should().Be(standalone.StartedAt);
        alone.GetProperty("token_usage_summary").GetProperty("input_tokens").GetInt64().Should().Be(0);

        sessions[threadRoot.Id.ToString()].GetProperty("threads").GetInt64().Should().Be(1);
        var multi = sessions["session-multi"];
        multi.GetProperty("threads").GetInt64().Should().Be(2);
        Strings(multi, "providers").Should().Equal("anthropic", "openai");

        // Latest activity first: a prompt's time, else the session's start.
        Ids(body).Should().Equal("session-multi", "session-A", standalone.Id.ToString(), threadRoot.Id.ToString());
    }

    [Fact]
    public async Task Paging_by_offset_and_by_cursor_gives_the_same_pages()
    {
        var owner = await Api.CreateOwnerAsync();
        await SeedFourSessionsAsync(owner);

        var byOffset = new List<string>();
        var byCursor = new List<string>();
        for (var offset = 0; offset < 6; offset++)
        {
            var body = await Api.GetOkAsync(owner, $"{Path}?limit=1&offset={offset}");
            body.GetProperty("count").GetInt64().Should().Be(4);
            byOffset.AddRange(Ids(body));
        }

        string? cursor = null;
        for (var page = 0; page < 6; page++)
        {
            var body = await Api.GetOkAsync(owner, $"{Path}?limit=1" + (cursor is null ? "" : $"&after_session_id={Uri.EscapeDataString(cursor)}"));
            body.GetProperty("count").GetInt64().Should().Be(4);
            var ids = Ids(body);
            byCursor.AddRange(ids);
            if (ids.Count == 0)
            {
                break;
            }

            cursor = ids[^1];
        }

        byOffset.Should().HaveCount(4).And.OnlyHaveUniqueItems();
        byCursor.Should().Equal(byOffset);
        Ids(await Api.GetOkAsync(owner, Path)).Should().Equal(byOffset);
    }

    [Fact]
    public async Task Cursor_errors_have_the_specs_messages()
    {
        var owner = await Api.CreateOwnerAsync();
        await SeedFourSessionsAsync(owner);
        var client = Api.As(owner.Token);

        await (await client.GetAsync($"{Path}?after_session_id=nonexistent-session-id")).ShouldBeErrorAsync(HttpStatusCode.BadRequest,
            "Query parameter has invalid value.", "after_session_id: session \"nonexistent-session-id\" not found");
        await (await client.GetAsync($"{Path}?after_session_id=session-A&offset=1")).ShouldBeErrorAsync(HttpStatusCode.BadRequest,
            "Query parameters have invalid values.", "Cannot use both after_session_id and offset pagination in the same request.");
        // The cursor names a session of this query: a filtered-out session is not found.
        await (await client.GetAsync($"{Path}?after_session_id=session-A&q=provider:openai")).ShouldBeErrorAsync(HttpStatusCode.BadRequest,
            "Query parameter has invalid value.");
        // after_id is parsed and ignored.
        (await Api.GetOkAsync(owner, $"{Path}?after_id={Guid.NewGuid()}&offset=1")).GetProperty("sessions").GetArrayLength().Should().Be(3);
        await (await client.GetAsync($"{Path}?after_id=nope")).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "Query parameters have invalid values.");
    }

    [Fact]
    public async Task Filters_select_sessions_but_summaries_cover_all_their_interceptions()
    {
        var owner = await Api.CreateOwnerAsync();
        var alice = await Api.CreateUserAsync(owner, "alice");
        var (_, standalone, _) = await SeedFourSessionsAsync(owner);
        var alices = InterceptionSeeder.New(alice.Id, model: "gpt-5", provider: "openai", client: "Codex", minute: 200, clientSessionId: "codex-1");
        await _seed.SaveAsync(alices);

        async Task<List<string>> Sessions(string q) => Ids(await Api.GetOkAsync(owner, $"{Path}?q={Uri.EscapeDataString(q)}"));

        (await Sessions("initiator:alice")).Should().Equal("codex-1");
        (await Sessions("initiator:me")).Should().HaveCount(4).And.NotContain("codex-1");
        (await Sessions("provider:openai")).Should().Equal("codex-1", "session-multi");
        (await Sessions("model:claude-4-haiku")).Should().Equal("session-A");
        (await Sessions("client:Codex")).Should().Equal("codex-1");
        (await Sessions("client:Unknown")).Should().Contain(standalone.Id.ToString()).And.NotContain("session-A");
        (await Sessions($"started_after:\"{InterceptionSeeder.At(100):O}\"")).Should().Equal("codex-1", "session-multi");
        (await Sessions("session_id:session-A")).Should().Equal("session-A");
        (await Sessions("session_id:session-a")).Should().BeEmpty();

        // provider:openai selects session-multi by its openai interception; its summary still lists anthropic,
        // while started_at and threads come from the selected rows only.
        var multi = (await Api.GetOkAsync(owner, $"{Path}?q=provider:openai")).GetProperty("sessions").EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == "session-multi");
        Strings(multi, "providers").Should().Equal("anthropic", "openai");
        multi.GetProperty("threads").GetInt64().Should().Be(1);
        multi.GetProperty("started_at").GetDateTime().Should().Be(InterceptionSeeder.At(110));

        var error = await (await Api.As(owner.Token).GetAsync($"{Path}?q=alice")).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "Invalid session search query.");
        error.Validations().Should().Equal(("q", "no search key specified"));
    }

    [Fact]
    public async Task Auditors_see_every_users_sessions_and_members_none()
    {
        var owner = await Api.CreateOwnerAsync();
        var auditor = await Api.CreateUserAsync(owner, "auditor", "auditor");
        var member = await Api.CreateUserAsync(owner, "member");
        await _seed.AddAsync(owner.Id, minute: 1);
        await _seed.AddAsync(member.Id, minute: 2);

        (await Api.GetOkAsync(auditor, Path)).GetProperty("count").GetInt64().Should().Be(2);
        var mine = await Api.GetOkAsync(member, $"{Path}?q=initiator:me");
        mine.GetProperty("count").GetInt64().Should().Be(0);
        mine.GetProperty("sessions").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task One_client_session_id_used_by_two_users_is_two_sessions_kept_on_one_page()
    {
        var owner = await Api.CreateOwnerAsync();
        var bob = await Api.CreateUserAsync(owner, "bob");
        await _seed.SaveAsync(
            InterceptionSeeder.New(owner.Id, minute: 10, clientSessionId: "shared").WithTokens(100, 10).WithPrompt("owner's"),
            InterceptionSeeder.New(bob.Id, minute: 20, clientSessionId: "shared").WithTokens(7, 3).WithPrompt("bob's"),
            InterceptionSeeder.New(owner.Id, minute: 30, clientSessionId: "later"),
            InterceptionSeeder.New(owner.Id, minute: 5, clientSessionId: "earlier"));

        var all = await Api.GetOkAsync(owner, Path);
        all.GetProperty("count").GetInt64().Should().Be(4);
        Ids(all).Should().Equal("later", "shared", "shared", "earlier");
        var shared = all.GetProperty("sessions").EnumerateArray().Where(s => s.GetProperty("id").GetString() == "shared").ToList();
        shared.Select(s => s.GetProperty("initiator").GetProperty("username").GetString()).Should().Equal("bob", "owner");
        shared.Select(s => s.GetProperty("token_usage_summary").GetProperty("input_tokens").GetInt64()).Should().Equal(7, 100);
        shared.Select(s => s.GetProperty("last_prompt").GetString()).Should().Equal("bob's", "owner's");

        var page2 = await Api.GetOkAsync(owner, $"{Path}?limit=1&offset=1");
        Ids(page2).Should().Equal("shared", "shared");
        page2.GetProperty("count").GetInt64().Should().Be(4);
        Ids(await Api.GetOkAsync(owner, $"{Path}?limit=1&after_session_id=shared")).Should().Equal("earlier");
        Ids(await Api.GetOkAsync(owner, $"{Path}?limit=1&after_session_id=later")).Should().Equal("shared", "shared");
        Ids(await Api.GetOkAsync(owner, $"{Path}?limit=1&offset=2")).Should().Equal("earlier");
    }

    /// <summary>
    /// session-A: client session with a root and a child; a thread without client session id (root +
    /// child); a standalone interception; session-multi: two roots on two providers.
    /// </summary>
    private async Task<(Domain.Interceptions.Interception RootA, Domain.Interceptions.Interception Standalone, Domain.Interceptions.Interception ThreadRoot)> SeedFourSessionsAsync(TestUser owner)
    {
        var rootA = InterceptionSeeder.New(owner.Id, client: "claude-code", minute: 60, clientSessionId: "session-A")
            .WithPrompt("first prompt", 60.5).WithTokens(100, 50);
        var childA = InterceptionSeeder.New(owner.Id, model: "claude-4-haiku", client: "Cursor", minute: 70, clientSessionId: "session-A", parent: rootA)
            .WithPrompt("second prompt", 95).WithTokens(200, 75);
        var threadRoot = InterceptionSeeder.New(owner.Id, minute: 0).WithTokens(1, 1);
        var threadChild = InterceptionSeeder.New(owner.Id, minute: 2, parent: threadRoot);
        var standalone = InterceptionSeeder.New(owner.Id, minute: 80);
        var multi1 = InterceptionSeeder.New(owner.Id, minute: 100, clientSessionId: "session-multi").WithPrompt("multi", 120);
        var multi2 = InterceptionSeeder.New(owner.Id, model: "gpt-4", provider: "openai", minute: 110, clientSessionId: "session-multi");
        await _seed.SaveAsync(rootA, childA, threadRoot, threadChild, standalone, multi1, multi2);
        return (rootA, standalone, threadRoot);
    }

    private static List<string> Ids(JsonElement body) =>
        body.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();

    private static List<string> Strings(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();
}

[Collection(SqliteCollection.Name)]
public sealed class SessionsTests_Sqlite(SqliteFixture fixture) : SessionsTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class SessionsTests_Postgres(PostgresFixture fixture) : SessionsTests(fixture);

using System.Net;
using System.Text.Json;
using AIBridge.Domain.Interceptions;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Audit;

public abstract class InterceptionsTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Path = "/api/v2/aibridge/interceptions";
    private readonly InterceptionSeeder _seed = new(fixture);

    [Fact]
    public async Task Empty_database_gives_count_0_and_an_empty_array()
    {
        var owner = await Api.CreateOwnerAsync();

        var body = await Api.GetOkAsync(owner, Path);

        body.GetProperty("count").GetInt64().Should().Be(0);
        body.GetProperty("results").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Newest_first_without_in_flight_rows_and_with_sub_records_in_order()
    {
        var owner = await Api.CreateOwnerAsync();
        var older = InterceptionSeeder.New(owner.Id, minute: 0);
        older.ApiKeyId = null;
        var newer = InterceptionSeeder.New(owner.Id, minute: 5).WithPrompt("hello").WithTool("read").WithTool("write", invocationError: "boom").WithTokens(10, 20);
        var inFlight = InterceptionSeeder.New(owner.Id, minute: 10, completed: false);
        // Equal timestamps: the id breaks the tie.
        foreach (var usage in Enumerable.Range(0, 4).Select(n => new TokenUsage { Id = Guid.NewGuid(), InterceptionId = newer.Id, InputTokens = n, CreatedAt = InterceptionSeeder.At(6) }))
        {
            newer.TokenUsages.Add(usage);
        }

        await _seed.SaveAsync(older, newer, inFlight);

        var body = await Api.GetOkAsync(owner, Path);

        body.GetProperty("count").GetInt64().Should().Be(2);
        var results = body.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("id").GetGuid()).Should().Equal(newer.Id, older.Id);
        results[1].GetProperty("api_key_id").ValueKind.Should().Be(JsonValueKind.Null);
        results[0].GetProperty("api_key_id").GetString().Should().Be("abcdefghij");
        results[0].GetProperty("initiator").GetProperty("username").GetString().Should().Be("owner");
        results[0].GetProperty("user_prompts")[0].GetProperty("prompt").GetString().Should().Be("hello");

        var tools = results[0].GetProperty("tool_usages").EnumerateArray().ToList();
        tools.Select(t => t.GetProperty("tool").GetString()).Should().Equal("read", "write");
        tools[0].GetProperty("server_url").GetString().Should().Be("");
        tools[0].GetProperty("invocation_error").GetString().Should().Be("");
        tools[1].GetProperty("invocation_error").GetString().Should().Be("boom");

        var usages = results[0].GetProperty("token_usages").EnumerateArray().Select(u => (u.GetProperty("created_at").GetDateTime(), u.GetProperty("id").GetGuid().ToString())).ToList();
        usages.Should().HaveCount(5).And.BeInAscendingOrder(Comparer<(DateTime, string)>.Create((a, b) =>
            a.Item1 != b.Item1 ? a.Item1.CompareTo(b.Item1) : string.CompareOrdinal(a.Item2, b.Item2)));
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(250, 0)]
    public async Task Walking_by_cursor_and_by_offset_returns_every_row_once_in_the_same_order(int sameTime, int others)
    {
        var owner = await Api.CreateOwnerAsync();
        var rows = Enumerable.Range(0, sameTime).Select(_ => InterceptionSeeder.New(owner.Id, minute: 30))
            .Concat(Enumerable.Range(0, others).Select(n => InterceptionSeeder.New(owner.Id, minute: n)))
            .ToArray();
        await _seed.SaveAsync(rows);
        var total = sameTime + others;
        var limit = total > 100 ? 7 : 1;

        var byCursor = new List<Guid>();
        var byOffset = new List<Guid>();
        for (Guid? cursor = null; ;)
        {
            var body = await Api.GetOkAsync(owner, $"{Path}?limit={limit}" + (cursor is null ? "" : $"&after_id={cursor}"));
            body.GetProperty("count").GetInt64().Should().Be(total);
            var page = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
            if (page.Count == 0)
            {
                break;
            }

            byCursor.AddRange(page);
            cursor = page[^1];
        }

        for (var offset = 0; ; offset += limit)
        {
            var body = await Api.GetOkAsync(owner, $"{Path}?limit={limit}&offset={offset}");
            body.GetProperty("count").GetInt64().Should().Be(total);
            var page = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
            if (page.Count == 0)
            {
                break;
            }

            byOffset.AddRange(page);
        }

        byCursor.Should().OnlyHaveUniqueItems().And.HaveCount(total).And.BeEquivalentTo(rows.Select(r => r.Id));
        byOffset.Should().Equal(byCursor);
        var full = await Api.GetOkAsync(owner, $"{Path}?limit=1000");
        full.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).Should().Equal(byCursor);
    }

    [Fact]
    public async Task A_cursor_may_name_an_in_flight_interception()
    {
        var owner = await Api.CreateOwnerAsync();
        var old = InterceptionSeeder.New(owner.Id, minute: 0);
        var inFlight = InterceptionSeeder.New(owner.Id, minute: 5, completed: false);
        var newest = InterceptionSeeder.New(owner.Id, minute: 10);
        await _seed.SaveAsync(old, inFlight, newest);

        var body = await Api.GetOkAsync(owner, $"{Path}?after_id={inFlight.Id}");

        body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).Should().Equal(old.Id);
        body.GetProperty("count").GetInt64().Should().Be(2);
    }

    [Fact]
    public async Task Paging_errors_have_the_specs_messages()
    {
        var owner = await Api.CreateOwnerAsync();
        var client = Api.As(owner.Token);
        var unknown = Guid.NewGuid();

        await (await client.GetAsync($"{Path}?limit=1001")).ShouldBeErrorAsync(HttpStatusCode.BadRequest,
            "Invalid pagination limit value.", "Pagination limit must be in range (0, 1000]");
        await (await client.GetAsync($"{Path}?after_id={unknown}&offset=1")).ShouldBeErrorAsync(HttpStatusCode.BadRequest,
            "Query parameters have invalid values.", "Cannot use both after_id and offset pagination in the same request.");
        await (await client.GetAsync($"{Path}?after_id={unknown}")).ShouldBeErrorAsync(HttpStatusCode.BadRequest,
            "Invalid pagination cursor.", $"after_id: interception {unknown} not found: invalid pagination cursor");
        var q = await (await client.GetAsync($"{Path}?q=bogus:1")).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "Invalid AI Bridge interceptions search query.");
        q.Validations().Should().Equal(("bogus", "\"bogus\" is not a valid query param"));
    }

    [Fact]
    public async Task Owners_and_auditors_see_everything_and_members_nothing()
    {
        var owner = await Api.CreateOwnerAsync();
        var auditor = await Api.CreateUserAsync(owner, "auditor", "auditor");
        var member = await Api.CreateUserAsync(owner, "member");
        var own = await _seed.AddAsync(member.Id, minute: 1);
        await _seed.AddAsync(owner.Id, minute: 2);

        (await Api.GetOkAsync(owner, Path)).GetProperty("count").GetInt64().Should().Be(2);
        (await Api.GetOkAsync(auditor, Path)).GetProperty("count").GetInt64().Should().Be(2);
        foreach (var query in new[] { "", "?q=initiator:me", "?q=member" })
        {
            var body = await Api.GetOkAsync(member, Path + query);
            body.GetProperty("count").GetInt64().Should().Be(0);
            body.GetProperty("results").GetArrayLength().Should().Be(0);
        }

        // A cursor the caller cannot see is not found.
        await (await Api.As(member.Token).GetAsync($"{Path}?after_id={own.Id}")).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "Invalid pagination cursor.");
    }

    [Fact]
    public async Task Every_filter_selects_exactly_its_rows()
    {
        var owner = await Api.CreateOwnerAsync();
        var alice = await Api.CreateUserAsync(owner, "alice");
        var a = InterceptionSeeder.New(alice.Id, model: "claude-4", client: "Cursor", minute: 0);
        var b = InterceptionSeeder.New(alice.Id, model: "gpt-4", provider: "openai", client: "cursor", minute: 10);
        var c = InterceptionSeeder.New(owner.Id, model: "claude-4", client: null, minute: 20);
        var d = InterceptionSeeder.New(owner.Id, model: "claude-4-haiku", client: "Unknown", minute: 30);
        await _seed.SaveAsync(a, b, c, d);

        async Task<Guid[]> Ids(string q) =>
            (await Api.GetOkAsync(owner, $"{Path}?q={Uri.EscapeDataString(q)}")).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToArray();

        (await Ids($"initiator:{Guid.NewGuid()}")).Should().BeEmpty();
        (await Ids("initiator:me")).Should().Equal(d.Id, c.Id);
        (await Ids($"initiator:{alice.Id}")).Should().Equal(b.Id, a.Id);
        (await Ids("initiator:ALICE")).Should().Equal(b.Id, a.Id);
        (await Ids("alice")).Should().Equal(b.Id, a.Id);
        (await Ids("provider:openai")).Should().Equal(b.Id);
        (await Ids("model:claude-4")).Should().Equal(c.Id, a.Id);
        (await Ids("client:Unknown")).Should().Equal(d.Id, c.Id);
        (await Ids("client:Cursor")).Should().Equal(a.Id);
        (await Ids("client:cursor")).Should().Equal(b.Id);
        (await Ids($"started_after:\"{InterceptionSeeder.At(10):O}\"")).Should().Equal(d.Id, c.Id, b.Id);
        (await Ids($"started_before:\"{InterceptionSeeder.At(10):O}\"")).Should().Equal(b.Id, a.Id);
        (await Ids($"started_after:\"{InterceptionSeeder.At(10):O}\" started_before:\"{InterceptionSeeder.At(20):yyyy-MM-ddTHH:mm:ss}+00:00\"")).Should().Equal(c.Id, b.Id);
        (await Ids($"started_after:\"{InterceptionSeeder.At(10).AddHours(2):yyyy-MM-ddTHH:mm:ss}+02:00\" model:claude-4 initiator:me")).Should().Equal(c.Id);
    }

    [Theory]
    [InlineData("initiator:unknown", "initiator", "Query param \"initiator\" has invalid value: user \"unknown\" either does not exist, or you are unauthorized to view them")]
    [InlineData("started_after:invalid", "started_after", "Query param \"started_after\" must be a date such as 2026-12-03 (midnight UTC) or a time such as \"2026-12-03T15:04:05Z\" (quoted, for its colons): cannot parse")]
    [InlineData("started_before:invalid", "started_before", "Query param \"started_before\" must be a date such as 2026-12-03 (midnight UTC) or a time such as \"2026-12-03T15:04:05Z\" (quoted, for its colons): cannot parse")]
    [InlineData("started_after:\"2025-01-02T00:00:00Z\" started_before:\"2025-01-01T00:00:00Z\"", "started_before", "Query param \"started_before\" has invalid value: \"started_before\" must be after \"started_after\" if set")]
    [InlineData("started_after:\"2025-01-01T00:00:00Z\" started_before:\"2025-01-01T00:00:00Z\"", "started_before", "Query param \"started_before\" has invalid value: \"started_before\" must be after \"started_after\" if set")]
    [InlineData(":provider", "q", "Query element \":provider\" cannot start or end with ':'")]
    [InlineData("a:b:c", "q", "Query element \"a:b:c\" can only contain 1 ':'")]
    [InlineData("provider:a provider:b", "provider", "Query param \"provider\" provided more than once, found 2 times. Only provide 1 instance of this query param.")]
    [InlineData("session_id:x", "session_id", "\"session_id\" is not a valid query param")]
    public async Task Search_errors_are_reported_with_the_decision_message(string q, string field, string detailPrefix)
    {
        var owner = await Api.CreateOwnerAsync();

        var response = await Api.As(owner.Token).GetAsync($"{Path}?q={Uri.EscapeDataString(q)}");

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "Invalid AI Bridge interceptions search query.");
        var validation = body.Validations().Should().ContainSingle().Subject;
        validation.Field.Should().Be(field);
        validation.Detail.Should().StartWith(detailPrefix);
    }

    [Fact]
    public async Task All_search_problems_are_reported_together()
    {
        var owner = await Api.CreateOwnerAsync();

        var response = await Api.As(owner.Token).GetAsync($"{Path}?q={Uri.EscapeDataString("started_after:\"nope\" bogus:1 initiator:ghost")}");

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "Invalid AI Bridge interceptions search query.");
        body.Validations().Select(v => v.Field).Should().BeEquivalentTo("started_after", "bogus", "initiator");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InterceptionsTests_Sqlite(SqliteFixture fixture) : InterceptionsTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class InterceptionsTests_Postgres(PostgresFixture fixture) : InterceptionsTests(fixture);

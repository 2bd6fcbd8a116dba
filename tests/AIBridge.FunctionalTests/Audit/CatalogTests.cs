using System.Net;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Audit;

public abstract class CatalogTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private readonly InterceptionSeeder _seed = new(fixture);

    [Fact]
    public async Task Clients_collapse_null_and_unknown_and_ignore_in_flight_rows()
    {
        var owner = await Api.CreateOwnerAsync();
        await _seed.AddAsync(owner.Id, client: "Cursor");
        await _seed.AddAsync(owner.Id, client: "Claude Code");
        await _seed.AddAsync(owner.Id, client: null);
        await _seed.AddAsync(owner.Id, client: "Cursor");
        await _seed.AddAsync(owner.Id, client: "GitHub Copilot (CLI)", completed: false);

        var clients = await GetAsync(owner, "/api/v2/aibridge/clients");

        clients.Should().Be("""["Claude Code","Cursor","Unknown"]""");
    }

    [Fact]
    public async Task Null_and_literal_unknown_are_one_client()
    {
        var owner = await Api.CreateOwnerAsync();
        await _seed.AddAsync(owner.Id, client: null);
        await _seed.AddAsync(owner.Id, client: "Unknown");

        (await GetAsync(owner, "/api/v2/aibridge/clients")).Should().Be("""["Unknown"]""");
    }

    [Fact]
    public async Task Models_are_sorted_ordinally_and_filtered_by_literal_prefix()
    {
        var owner = await Api.CreateOwnerAsync();
        foreach (var model in new[] { "gpt-4", "claude-4", "Claude-X", "claude-4-haiku", "%odd", "_under" })
        {
            await _seed.AddAsync(owner.Id, model: model);
        }

        (await GetAsync(owner, "/api/v2/aibridge/models")).Should().Be("""["%odd","Claude-X","_under","claude-4","claude-4-haiku","gpt-4"]""");
        (await GetAsync(owner, "/api/v2/aibridge/models?q=claude")).Should().Be("""["claude-4","claude-4-haiku"]""");
        (await GetAsync(owner, "/api/v2/aibridge/models?q=model:claude-4-")).Should().Be("""["claude-4-haiku"]""");
        (await GetAsync(owner, "/api/v2/aibridge/models?q=%25")).Should().Be("""["%odd"]""");
        (await GetAsync(owner, "/api/v2/aibridge/models?q=_")).Should().Be("""["_under"]""");
        (await GetAsync(owner, "/api/v2/aibridge/models?limit=2&offset=1")).Should().Be("""["Claude-X","_under"]""");
    }

    [Fact]
    public async Task Members_see_nothing_even_their_own_and_auditors_everything()
    {
        var owner = await Api.CreateOwnerAsync();
        var member = await Api.CreateUserAsync(owner, "member");
        var auditor = await Api.CreateUserAsync(owner, "auditor", "auditor");
        await _seed.AddAsync(member.Id, model: "gpt-4", client: "Codex");

        (await GetAsync(member, "/api/v2/aibridge/models")).Should().Be("[]");
        (await GetAsync(member, "/api/v2/aibridge/clients")).Should().Be("[]");
        (await GetAsync(auditor, "/api/v2/aibridge/models")).Should().Be("""["gpt-4"]""");
        (await GetAsync(auditor, "/api/v2/aibridge/clients")).Should().Be("""["Codex"]""");
    }

    [Fact]
    public async Task Empty_database_gives_empty_arrays()
    {
        var owner = await Api.CreateOwnerAsync();

        (await GetAsync(owner, "/api/v2/aibridge/models")).Should().Be("[]");
        (await GetAsync(owner, "/api/v2/aibridge/clients")).Should().Be("[]");
    }

    [Theory]
    [InlineData("models?q=bogus:1", "Invalid AI Bridge models search query.", "bogus")]
    [InlineData("models?q=claude%20model:x", "Invalid AI Bridge models search query.", "model")]
    [InlineData("clients?q=client:a%20client:b", "Invalid AI Bridge clients search query.", "client")]
    [InlineData("clients?limit=-1&q=bogus:1", "Query parameters have invalid values.", "limit")]
    [InlineData("models?offset=x&after_id=y", "Query parameters have invalid values.", "after_id")]
    public async Task Bad_parameters_are_400_with_the_endpoints_message(string path, string message, string field)
    {
        var owner = await Api.CreateOwnerAsync();

        var response = await Api.As(owner.Token).GetAsync("/api/v2/aibridge/" + path);

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, message);
        body.Validations().Select(v => v.Field).Should().Contain(field);
    }

    [Fact]
    public async Task Limit_over_the_maximum_is_rejected()
    {
        var owner = await Api.CreateOwnerAsync();

        var response = await Api.As(owner.Token).GetAsync("/api/v2/aibridge/models?limit=1001");

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "Invalid pagination limit value.", "Pagination limit must be in range (0, 1000]");
        body.TryGetProperty("validations", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Anonymous_callers_are_401()
    {
        var response = await Api.Anonymous().GetAsync("/api/v2/aibridge/models");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private async Task<string> GetAsync(TestUser user, string path)
    {
        var response = await Api.As(user.Token).GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return text;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CatalogTests_Sqlite(SqliteFixture fixture) : CatalogTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class CatalogTests_Postgres(PostgresFixture fixture) : CatalogTests(fixture);

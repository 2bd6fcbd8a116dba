using System.Net;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Pricing;

public abstract class PricesApiTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Path = "/api/v2/aibridge/prices";

    [Fact]
    public async Task Owners_and_auditors_read_the_price_book_and_members_are_refused()
    {
        var owner = await Api.CreateOwnerAsync();
        var auditor = await Api.CreateUserAsync(owner, "audrey", "auditor");
        var member = await Api.CreateUserAsync(owner, "mel");

        var book = await Api.GetOkAsync(auditor, Path);

        book.GetProperty("defaults_as_of").GetString().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}$");
        book.GetProperty("defaults_sources").GetArrayLength().Should().Be(2);
        book.GetProperty("unit").GetString().Should().Be("micro-USD per million tokens");
        var sonnet = book.GetProperty("prices").EnumerateArray().Single(p => p.GetProperty("model").GetString() == "claude-sonnet-4-5");
        (sonnet.GetProperty("provider_type").GetString(), sonnet.GetProperty("input").GetInt64(), sonnet.GetProperty("cache_write_1h").GetInt64(),
            sonnet.GetProperty("source").GetString()).Should().Be(("anthropic", 3_000_000L, 6_000_000L, "default"));
        (await Api.As(member.Token).GetAsync(Path)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.GetOkAsync(owner, Path)).GetProperty("prices").GetArrayLength().Should().Be(book.GetProperty("prices").GetArrayLength());
    }

    [Fact]
    public async Task An_owner_sets_and_removes_an_override_and_the_book_shows_it()
    {
        var owner = await Api.CreateOwnerAsync();
        var client = Api.As(owner.Token);

        var set = await ApiClient.PutJsonAsync(client, Path + "/openai/gpt-5.2", new { input = 1_750_000, output = 14_000_000, cache_read = 175_000 });
        var body = await ApiClient.ReadJsonAsync(set);

        set.StatusCode.Should().Be(HttpStatusCode.OK, body.ToString());
        (body.GetProperty("model").GetString(), body.GetProperty("source").GetString(), body.GetProperty("cache_write").ValueKind)
            .Should().Be(("gpt-5.2", "override", System.Text.Json.JsonValueKind.Null));
        var listed = (await Api.GetOkAsync(owner, Path)).GetProperty("prices").EnumerateArray().Single(p => p.GetProperty("model").GetString() == "gpt-5.2");
        listed.GetProperty("output").GetInt64().Should().Be(14_000_000);
        await using (var db = Fixture.CreateDbContext())
        {
            db.ModelPrices.Single().Should().BeEquivalentTo(new { ProviderType = "openai", Model = "gpt-5.2", InputMicros = 1_750_000L, CacheWriteMicros = (long?)null });
        }

        (await client.DeleteAsync(Path + "/openai/gpt-5.2")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var again = await client.DeleteAsync(Path + "/openai/gpt-5.2");
        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ApiClient.ReadJsonAsync(again)).GetProperty("message").GetString().Should().Be("No price override for openai model \"gpt-5.2\".");
        (await Api.GetOkAsync(owner, Path)).GetProperty("prices").EnumerateArray().Should().NotContain(p => p.GetProperty("model").GetString() == "gpt-5.2");
    }

    [Fact]
    public async Task A_model_name_with_slashes_is_one_model()
    {
        var owner = await Api.CreateOwnerAsync();

        var set = await ApiClient.PutJsonAsync(Api.As(owner.Token), Path + "/openai/org/model-x", new { input = 1, output = 2 });

        set.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ApiClient.ReadJsonAsync(set)).GetProperty("model").GetString().Should().Be("org/model-x");
    }

    [Fact]
    public async Task Bad_prices_are_validation_errors_and_members_cannot_set_any()
    {
        var owner = await Api.CreateOwnerAsync();
        var auditor = await Api.CreateUserAsync(owner, "audrey", "auditor");

        var bad = await ApiClient.PutJsonAsync(Api.As(owner.Token), Path + "/azure/gpt-5", new { input = -1, cache_write_1h = -5 });
        var error = await ApiClient.ReadJsonAsync(bad);

        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest, error.ToString());
        error.GetProperty("validations").EnumerateArray().Select(v => v.GetProperty("field").GetString())
            .Should().BeEquivalentTo("provider_type", "input", "cache_write_1h");
        (await ApiClient.PutJsonAsync(Api.As(auditor.Token), Path + "/openai/gpt-5", new { input = 1 })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PricesApiTests_Sqlite(SqliteFixture fixture) : PricesApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PricesApiTests_Postgres(PostgresFixture fixture) : PricesApiTests(fixture);

using System.Net;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Providers;

public abstract class ProvidersApiTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    public const string Path = "/api/v2/aibridge/providers";
    private const string KeyA = "sk-proj-first-pool-key-AAAA-0001";
    private const string KeyB = "sk-proj-second-pool-key-BBBB-0002";
    private const string KeyC = "sk-proj-third-pool-key-CCCC-0003";

    [Fact]
    public async Task An_owner_adds_a_provider_whose_keys_are_shown_only_masked_and_auditors_see_every_provider()
    {
        var owner = await Api.CreateOwnerAsync();
        var auditor = await Api.CreateUserAsync(owner, "audrey", "auditor");
        var member = await Api.CreateUserAsync(owner, "mel");

        var created = await ApiClient.PostJsonAsync(Api.As(owner.Token), Path, new
        {
            name = "openai-eu", type = "openai", display_name = "OpenAI (EU)", base_url = "https://eu.api.openai.com/v1",
            api_keys = new[] { new { api_key = KeyA }, new { api_key = KeyB } },
        });
        var body = await ApiClient.ReadJsonAsync(created);

        created.StatusCode.Should().Be(HttpStatusCode.Created, body.ToString());
        created.Headers.Location!.ToString().Should().EndWith(Path + "/openai-eu");
        (body.GetProperty("name").GetString(), body.GetProperty("type").GetString(), body.GetProperty("display_name").GetString(),
            body.GetProperty("source").GetString(), body.GetProperty("status").GetString(), body.GetProperty("enabled").GetBoolean())
            .Should().Be(("openai-eu", "openai", "OpenAI (EU)", "api", "enabled", true));
        body.GetProperty("api_keys").EnumerateArray().Select(k => (k.GetProperty("masked").GetString(), k.GetProperty("state").GetString()))
            .Should().Equal(("sk-p...0001", "valid"), ("sk-p...0002", "valid"));
        body.ToString().Should().NotContain(KeyA).And.NotContain(KeyB);

        var list = await Api.GetOkAsync(auditor, Path);
        var providers = list.GetProperty("providers").EnumerateArray().ToArray();
        providers.Select(p => (p.GetProperty("name").GetString(), p.GetProperty("source").GetString()))
            .Should().Equal(("anthropic", "config"), ("dead", "config"), ("openai", "config"), ("openai-eu", "api"));
        providers[0].GetProperty("api_keys")[0].GetProperty("masked").GetString().Should().Be("sk-a...0001");
        list.ToString().Should().NotContain(KeyA).And.NotContain(DatabaseFixture.AnthropicKey);
        (await Api.GetOkAsync(auditor, Path + "/openai-eu")).GetProperty("base_url").GetString().Should().Be("https://eu.api.openai.com/v1");
        (await Api.As(member.Token).GetAsync(Path)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ApiClient.PostJsonAsync(Api.As(auditor.Token), Path, new { name = "x", type = "openai" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Api.As(auditor.Token).GetAsync(Path + "/nope")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        await DatabaseText.ShouldNotContainAsync(Fixture, KeyA, KeyB);
        (await DatabaseText.ReadAsync(Fixture)).Should().Contain("sk-p...0001", "the dump covers the keys' table");
    }

    [Fact]
    public async Task Patching_the_keys_keeps_the_listed_ones_adds_the_new_and_deletes_the_rest()
    {
        var owner = await Api.CreateOwnerAsync();
        var client = Api.As(owner.Token);
        var created = await ApiClient.ReadJsonAsync(await ApiClient.PostJsonAsync(client, Path, new
        {
            name = "pool", type = "openai", api_keys = new[] { new { api_key = KeyA }, new { api_key = KeyB } },
        }));
        var keepB = created.GetProperty("api_keys")[1].GetProperty("id").GetString();

        var patched = await ApiClient.PatchJsonAsync(client, Path + "/pool", new
        {
            display_name = "Pool", enabled = false, api_keys = new object[] { new { id = keepB }, new { api_key = KeyC } },
        });
        var body = await ApiClient.ReadJsonAsync(patched);

        patched.StatusCode.Should().Be(HttpStatusCode.OK, body.ToString());
        body.GetProperty("api_keys").EnumerateArray().Select(k => (k.GetProperty("id").GetString(), k.GetProperty("masked").GetString()))
            .Should().Equal((keepB, "sk-p...0002"), (body.GetProperty("api_keys")[1].GetProperty("id").GetString(), "sk-p...0003"));
        (body.GetProperty("display_name").GetString(), body.GetProperty("enabled").GetBoolean(), body.GetProperty("status").GetString())
            .Should().Be(("Pool", false, "disabled"));
        body.GetProperty("updated_at").GetDateTime().Should().BeAfter(created.GetProperty("updated_at").GetDateTime());

        var cleared = await ApiClient.ReadJsonAsync(await ApiClient.PatchJsonAsync(client, Path + "/pool", new { api_keys = Array.Empty<object>() }));
        cleared.GetProperty("api_keys").GetArrayLength().Should().Be(0);
        await using var db = Fixture.CreateDbContext();
        db.StoredProviderKeys.Count().Should().Be(0);
    }

    [Fact]
    public async Task Configured_providers_are_read_only_and_names_are_unique_across_both()
    {
        var owner = await Api.CreateOwnerAsync();
        var client = Api.As(owner.Token);

        var patch = await ApiClient.PatchJsonAsync(client, Path + "/openai", new { enabled = false });
        patch.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ApiClient.ReadJsonAsync(patch)).GetProperty("message").GetString().Should().Be("Provider \"openai\" is configured in AIBridge settings; change it there.");
        (await client.DeleteAsync(Path + "/anthropic")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ApiClient.PostJsonAsync(client, Path, new { name = "openai", type = "openai" })).StatusCode.Should().Be(HttpStatusCode.Conflict);

        (await ApiClient.PostJsonAsync(client, Path, new { name = "mine", type = "anthropic" })).StatusCode.Should().Be(HttpStatusCode.Created);
        var twice = await ApiClient.PostJsonAsync(client, Path, new { name = "mine", type = "openai" });
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ApiClient.ReadJsonAsync(twice)).GetProperty("message").GetString().Should().Be("Provider \"mine\" already exists.");
        (await client.DeleteAsync(Path + "/mine")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.DeleteAsync(Path + "/mine")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ApiClient.PatchJsonAsync(client, Path + "/mine", new { enabled = true })).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_providers_are_validation_errors_naming_each_field()
    {
        var owner = await Api.CreateOwnerAsync();
        var client = Api.As(owner.Token);

        await ShouldRefuseAsync(client, new { name = "Bad_Name", type = "gemini" }, "name", "type");
        await ShouldRefuseAsync(client, new { name = "usage", type = "openai" }, "name");
        await ShouldRefuseAsync(client, new { name = "compat", type = "openai-compat" }, "base_url");
        await ShouldRefuseAsync(client, new { name = "az", type = "azure", base_url = "ftp://x", settings = new { api_version = 3 } }, "base_url", "settings");
        await ShouldRefuseAsync(client, new { name = "six", type = "openai", api_keys = Enumerable.Range(0, 6).Select(i => new { api_key = $"key-{i}" }) }, "api_keys");
        await ShouldRefuseAsync(client, new { name = "blank", type = "openai", api_keys = new[] { new { api_key = "has space" } } }, "api_keys[0]");
        await ShouldRefuseAsync(client, new { name = "hdr", type = "openai-compat", base_url = "http://127.0.0.1:1/v1", settings = new Dictionary<string, object> { ["headers"] = new Dictionary<string, string> { ["X-Api-Key"] = "x" } } }, "settings");
        await ShouldRefuseAsync(client, new { name = "arr", type = "openai", settings = new[] { 1 } }, "settings");

        (await ApiClient.PostJsonAsync(client, Path, new { name = "ok", type = "openai" })).StatusCode.Should().Be(HttpStatusCode.Created);
        var unknownKey = await ApiClient.PatchJsonAsync(client, Path + "/ok", new { api_keys = new[] { new { id = Guid.NewGuid() } } });
        unknownKey.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiClient.ReadJsonAsync(unknownKey)).GetProperty("validations")[0].GetProperty("field").GetString().Should().Be("api_keys");
        var badUrl = await ApiClient.PatchJsonAsync(client, Path + "/ok", new { base_url = "not a url" });
        (await ApiClient.ReadJsonAsync(badUrl)).GetProperty("validations")[0].GetProperty("field").GetString().Should().Be("base_url");
    }

    private static async Task ShouldRefuseAsync(HttpClient client, object body, params string[] fields)
    {
        var response = await ApiClient.PostJsonAsync(client, Path, body);
        var error = await ApiClient.ReadJsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, error.ToString());
        error.GetProperty("message").GetString().Should().Be("Validation failed.");
        error.GetProperty("validations").EnumerateArray().Select(v => v.GetProperty("field").GetString()).Distinct().Should().BeEquivalentTo(fields, error.ToString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ProvidersApiTests_Sqlite(SqliteFixture fixture) : ProvidersApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class ProvidersApiTests_Postgres(PostgresFixture fixture) : ProvidersApiTests(fixture);

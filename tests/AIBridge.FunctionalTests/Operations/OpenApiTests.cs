using System.Text.Json;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Operations;

/// <summary>The served OpenAPI document describes the API (not the gateway) and matches the committed one the TypeScript client comes from.</summary>
public abstract class OpenApiTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task The_document_describes_every_api_endpoint_with_its_errors_and_no_provider_route()
    {
        var served = JsonDocument.Parse(await Api.Anonymous().GetStringAsync("/swagger/v1/swagger.json")).RootElement;

        var paths = served.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/v2/aibridge/interceptions", "/api/v2/aibridge/sessions", "/api/v2/aibridge/sessions/{session_id}",
            "/api/v2/aibridge/models", "/api/v2/aibridge/clients", "/api/v2/users/first", "/api/v2/users/login", "/api/v2/users/{user}/keys/tokens"]);
        paths.Should().NotContain(p => p.Contains("{provider}", StringComparison.Ordinal) || p.Contains("{**", StringComparison.Ordinal));

        var list = served.GetProperty("paths").GetProperty("/api/v2/aibridge/interceptions").GetProperty("get");
        list.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["200", "400", "401", "500"]);
        list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().BeEquivalentTo("q", "limit", "offset", "after_id");

        var session = served.GetProperty("components").GetProperty("schemas").GetProperty("SessionDto");
        var required = session.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
        required.Should().Contain(["client", "threads", "last_active_at"]).And.NotContain(["last_prompt", "ended_at"]);
        session.GetProperty("properties").GetProperty("threads").GetProperty("format").GetString().Should().Be("int64");
        session.GetProperty("properties").GetProperty("metadata").GetProperty("type").GetString().Should().Be("object");

        var committed = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root(), "clients/typescript/openapi.json"))).RootElement;
        committed.GetProperty("paths").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(paths);
        committed.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(p => p.Name)
            .Should().BeEquivalentTo(served.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_ui_is_served()
    {
        var response = await Api.Anonymous().GetAsync("/swagger/index.html");

        response.EnsureSuccessStatusCode();
        (await response.Content.ReadAsStringAsync()).Should().Contain("swagger");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OpenApiTests_Sqlite(SqliteFixture fixture) : OpenApiTests(fixture);

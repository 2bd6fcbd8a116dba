using System.Net;
using System.Text.RegularExpressions;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Operations;

/// <summary>
/// The dashboard is served at / with its routes falling back to its page, while the API, the machine
/// paths and Swagger keep their own answers. (The pages themselves are tested in Chromium, clients/dashboard/test.)
/// </summary>
public abstract partial class DashboardServingTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task The_app_and_its_routes_are_the_page_and_other_paths_keep_their_answers()
    {
        var client = Api.Anonymous();
        var page = await client.GetAsync("/");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("<div id=\"root\"></div>");

        foreach (var route in new[] { "/sessions", "/sessions/some-session", "/settings/users", "/login?next=%2Fusage" })
        {
            (await client.GetStringAsync(route)).Should().Be(html, $"{route} is a route of the app");
        }

        var script = ScriptPath().Match(html).Groups[1].Value;
        var asset = await client.GetAsync(script);
        asset.StatusCode.Should().Be(HttpStatusCode.OK, script);
        asset.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");

        var unknownApi = await client.GetAsync("/api/v2/no-such-thing");
        unknownApi.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknownApi.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var metrics = await client.GetAsync("/metrics");
        metrics.StatusCode.Should().Be(HttpStatusCode.OK, "the scrape, never the app's page");
        (await metrics.Content.ReadAsStringAsync()).Should().Contain("aibridge_provider_info").And.NotContain("<html");
        (await client.GetAsync("/assets/no-such-file.js")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetStringAsync("/healthz")).Should().Be("Healthy");
        (await client.GetStringAsync("/swagger/v1/swagger.json")).Should().StartWith("{");
        (await client.PostAsync("/sessions", null)).StatusCode.Should().NotBe(HttpStatusCode.OK, "only reading gets the page");
    }

    [GeneratedRegex("src=\"(/assets/[^\"]+\\.js)\"")]
    private static partial Regex ScriptPath();
}

[Collection(SqliteCollection.Name)]
public sealed class DashboardServingTests_Sqlite(SqliteFixture fixture) : DashboardServingTests(fixture);

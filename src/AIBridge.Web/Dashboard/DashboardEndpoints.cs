namespace AIBridge.Web.Dashboard;

/// <summary>
/// The web dashboard, built from clients/dashboard into wwwroot: its files as static assets (compressed
/// and fingerprinted by the SDK at build time), and index.html for any other path that is not the API's,
/// so that the browser's own routes load the app. Unknown API paths stay a JSON 404.
/// </summary>
public static class DashboardEndpoints
{
    public static void MapDashboard(this WebApplication app)
    {
        // The SDK writes the assets' manifest beside the app when it builds or publishes it; a host built
        // some other way (the OpenAPI generator's) has none, and no dashboard to serve.
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{app.Environment.ApplicationName}.staticwebassets.endpoints.json");
        if (!File.Exists(manifest))
        {
            return;
        }

        app.MapStaticAssets(manifest);
        app.MapFallback("/api/{**path}", () => Results.Json(new { message = "No such API endpoint." }, statusCode: StatusCodes.Status404NotFound))
            .ExcludeFromDescription();

        // Machine paths stay machine answers: a scraper must never mistake the app's page for its data.
        app.MapFallback("/metrics", () => Results.NotFound()).ExcludeFromDescription();
        app.MapFallbackToFile("index.html", new StaticFileOptions
        {
            // The page names the current asset files: the browser checks it again on each load.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}

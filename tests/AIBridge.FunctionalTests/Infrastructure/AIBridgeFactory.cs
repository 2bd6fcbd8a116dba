using AIBridge.Infrastructure.Persistence.Providers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>The real AIBridge host on a given database, with nothing replaced.</summary>
public sealed class AIBridgeFactory(DatabaseProvider provider, string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:AIBridge", connectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}

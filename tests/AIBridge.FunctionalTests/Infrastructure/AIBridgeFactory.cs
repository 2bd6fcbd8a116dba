using System.Net;
using AIBridge.Infrastructure.Persistence.Providers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>
/// The real AIBridge host on a given database, with nothing replaced, served by Kestrel on a free
/// loopback port: tests talk real HTTP to it (raw request targets, streaming, disconnects included).
/// </summary>
public sealed class AIBridgeFactory : WebApplicationFactory<Program>
{
    private readonly DatabaseProvider _provider;
    private readonly string _connectionString;
    private readonly (string Key, string Value)[] _settings;

    /// <param name="provider">The database provider.</param>
    /// <param name="connectionString">Its connection string.</param>
    /// <param name="settings">Further configuration, applied last.</param>
    public AIBridgeFactory(DatabaseProvider provider, string connectionString, params (string Key, string Value)[] settings)
    {
        _provider = provider;
        _connectionString = connectionString;
        _settings = settings;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>A provider that also receives the host's logs (at the levels configured, Warning by default).</summary>
    public ILoggerProvider? Logs { get; init; }

    /// <summary>A clock in place of the system's, for tests that need hours to pass between requests.</summary>
    public TimeProvider? Clock { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Logs is { } logs)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }

        if (Clock is { } clock)
        {
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }

        builder.UseSetting("Database:Provider", _provider.ToString());
        builder.UseSetting("ConnectionStrings:AIBridge", _connectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // The seeded timelines are dated 2025: a retention sweep at start-up would delete them.
        builder.UseSetting("AIBridge:RetentionDays", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

using System.Net;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Operations;

public sealed class ReadinessWithoutDatabaseTests
{
    [Fact]
    public async Task Readyz_is_503_when_the_database_is_unreachable_while_healthz_stays_200()
    {
        await using var factory = new AIBridgeFactory(AIBridge.Infrastructure.Persistence.Providers.DatabaseProvider.Postgres,
            "Host=127.0.0.1;Port=1;Database=none;Timeout=2", ("Database:MigrateOnStartup", "false"));
        factory.StartServer();
        using var client = factory.CreateClient();

        (await client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);

        client.DefaultRequestHeaders.Add("Coder-Session-Token", "abcdefghij-abcdefghijklmnopqrstuv");
        var me = await client.GetAsync("/api/v2/users/me");
        var body = await me.ShouldBeErrorAsync(HttpStatusCode.InternalServerError,
            "An internal error occurred. Please try again or contact the system administrator.");
        body.GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
        body.GetRawText().Should().NotContain(" at AIBridge.");
    }
}

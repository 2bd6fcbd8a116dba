using System.Net;
using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Operations;

public abstract class HealthTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Healthz_and_readyz_answer_without_authentication()
    {
        (await Api.Anonymous().GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.Anonymous().GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HealthTests_Sqlite(SqliteFixture fixture) : HealthTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class HealthTests_Postgres(PostgresFixture fixture) : HealthTests(fixture);

namespace AIBridge.FunctionalTests.Infrastructure;

// Every database test class has one concrete subclass per collection, so the suite runs each test
// on SQLite and on PostgreSQL and the output names both.

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteFixture>
{
    public const string Name = "Sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "Postgres";
}

/// <summary>
/// Tests that scrape the process's meters: a meter of the same name in another host of this test process
/// would be exported beside this host's, so they run when no other test does.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}

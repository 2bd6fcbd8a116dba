namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>Base of tests that run against a database: a clean one before each test.</summary>
public abstract class DatabaseTest(DatabaseFixture fixture) : IAsyncLifetime
{
    protected DatabaseFixture Fixture { get; } = fixture;

    protected ApiClient Api { get; } = new(fixture.Factory);

    public virtual Task InitializeAsync() => Fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}

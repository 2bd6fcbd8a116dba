using AIBridge.FunctionalTests.Infrastructure;

namespace AIBridge.FunctionalTests.Audit;

/// <summary>SQLite's one write lock, held by another writer for longer than the store's connection waits.</summary>
[Collection(SqliteCollection.Name)]
public sealed class RetentionLockTests_Sqlite(SqliteFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_batch_that_times_out_on_the_write_lock_is_tried_again()
    {
        var seeder = new InterceptionSeeder(Fixture);
        await seeder.SaveAsync(InterceptionSeeder.New(await seeder.AddUserAsync("dave"), minute: 0));

        await using var holder = new Microsoft.Data.Sqlite.SqliteConnection(Fixture.ConnectionString);
        await holder.OpenAsync();
        await using var lockTransaction = await holder.BeginTransactionAsync();
        await using (var write = holder.CreateCommand())
        {
            write.CommandText = "UPDATE users SET name = name";
            await write.ExecuteNonQueryAsync(); // takes the write lock
        }

        // This connection waits one second for the lock; the other writer keeps it for one and a half.
        await using var db = AIBridge.Infrastructure.Persistence.Providers.DatabaseOptions.CreateContext(
            Fixture.Provider, Fixture.ConnectionString + ";Default Timeout=1");
        var store = new AIBridge.Infrastructure.Retention.InterceptionRetentionStore(db);
        var deleting = store.DeleteStartedBeforeAsync(InterceptionSeeder.At(1), 10, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await lockTransaction.CommitAsync();

        (await deleting).Should().Be(1);
    }
}

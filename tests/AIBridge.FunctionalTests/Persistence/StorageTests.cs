using AIBridge.Domain.Interceptions;
using AIBridge.Domain.Users;
using AIBridge.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.FunctionalTests.Persistence;

public abstract class StorageTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Migrations_were_applied_at_start()
    {
        await using var db = Fixture.CreateDbContext();

        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Should().NotBeEmpty();
    }

    [Fact]
    public async Task Timestamps_round_trip_in_utc_truncated_to_microseconds()
    {
        var startedAt = new DateTime(2025, 5, 1, 12, 34, 56, DateTimeKind.Utc).AddTicks(1234567);
        var id = Guid.NewGuid();
        await using (var db = Fixture.CreateDbContext())
        {
            var user = User.Create("u", "u@example.com", "", "hash", [], DateTime.UtcNow);
            db.Users.Add(user);
            db.Interceptions.Add(new Interception
            {
                Id = id, InitiatorId = user.Id, Provider = "anthropic", Model = "claude", SessionId = id.ToString(),
                Metadata = "{\"request_user_agent\":\"x\"}", StartedAt = startedAt,
            });
            await db.SaveChangesAsync();
        }

        await using var read = Fixture.CreateDbContext();
        var stored = await read.Interceptions.AsNoTracking().SingleAsync(i => i.Id == id);

        stored.StartedAt.Kind.Should().Be(DateTimeKind.Utc);
        stored.StartedAt.Should().Be(startedAt.AddTicks(-7));
        stored.EndedAt.Should().BeNull();
        stored.Metadata.Should().Contain("request_user_agent");
    }

    [Fact]
    public async Task Interceptions_require_an_existing_initiator()
    {
        await using var db = Fixture.CreateDbContext();
        var id = Guid.NewGuid();
        db.Interceptions.Add(new Interception { Id = id, InitiatorId = Guid.NewGuid(), Provider = "openai", Model = "gpt", SessionId = id.ToString(), StartedAt = DateTime.UtcNow });

        var save = () => db.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateException>();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StorageTests_Sqlite(SqliteFixture fixture) : StorageTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class StorageTests_Postgres(PostgresFixture fixture) : StorageTests(fixture);

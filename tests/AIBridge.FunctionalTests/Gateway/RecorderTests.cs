using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Interceptions;
using AIBridge.FunctionalTests.Infrastructure;
using AIBridge.Infrastructure.Persistence.Providers;
using AIBridge.Infrastructure.Recording;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AIBridge.FunctionalTests.Gateway;

/// <summary>The recorder's own guarantees (bridge spec §10), below the HTTP layer.</summary>
public abstract class RecorderTests(DatabaseFixture fixture) : GatewayTest(fixture)
{
    [Fact]
    public async Task A_bad_record_is_isolated_and_the_rest_of_its_batch_is_written()
    {
        var queue = Fixture.Factory.Services.GetRequiredService<RecordQueue>();
        var good = InterceptionSeeder.New(Owner.Id, completed: false);
        var orphan = new ToolUsage { Id = Guid.NewGuid(), InterceptionId = Guid.NewGuid(), Tool = "t", Input = "{}", Metadata = "{}", CreatedAt = DateTime.UtcNow };
        var child = new ToolUsage { Id = Guid.NewGuid(), InterceptionId = good.Id, Tool = "ok", Input = "{}", Metadata = "{}", CreatedAt = DateTime.UtcNow };

        queue.Enqueue(new InterceptionStarted(good, null));
        queue.Enqueue(new ToolUsageRecorded(orphan));
        queue.Enqueue(new ToolUsageRecorded(child));
        queue.Enqueue(new InterceptionEnded(good.Id, DateTime.UtcNow, null));

        var recorded = await RecordedAsync(good.Id);
        recorded.ToolUsages.Select(t => t.Tool).Should().Equal("ok");
        await using var db = Fixture.CreateDbContext();
        db.ToolUsages.Any(t => t.Id == orphan.Id).Should().BeFalse();
    }

    [Fact]
    public async Task An_end_applies_once_and_only_to_an_open_interception()
    {
        var queue = Fixture.Factory.Services.GetRequiredService<RecordQueue>();
        var interception = InterceptionSeeder.New(Owner.Id, completed: false);
        var first = DateTime.UtcNow;
        queue.Enqueue(new InterceptionStarted(interception, null));
        await Task.Delay(200);
        queue.Enqueue(new InterceptionEnded(interception.Id, first, null));
        queue.Enqueue(new InterceptionEnded(interception.Id, first.AddHours(1), null));

        var recorded = await RecordedAsync(interception.Id);
        await Task.Delay(200);
        await using var db = Fixture.CreateDbContext();
        db.Interceptions.Single(i => i.Id == interception.Id).EndedAt.Should().BeCloseTo(first, TimeSpan.FromMilliseconds(1));
        recorded.EndedAt.Should().BeCloseTo(first, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Ends_of_interceptions_started_in_earlier_batches_are_applied_together()
    {
        var queue = Fixture.Factory.Services.GetRequiredService<RecordQueue>();
        var open = Enumerable.Range(0, 5).Select(_ => InterceptionSeeder.New(Owner.Id, completed: false)).ToList();
        open[0].CredentialHint = "sk-a...old1";
        open[1].CredentialHint = "sk-a...old2";
        foreach (var interception in open)
        {
            queue.Enqueue(new InterceptionStarted(interception, null));
        }

        await WrittenAsync(open[^1].Id);
        var ended = DateTime.UtcNow;
        for (var i = 0; i < open.Count; i++)
        {
            queue.Enqueue(new InterceptionEnded(open[i].Id, ended.AddSeconds(i), i == 0 ? "sk-a...new1" : null));
        }

        foreach (var (interception, i) in open.Select((o, i) => (o, i)))
        {
            var recorded = await RecordedAsync(interception.Id);
            recorded.EndedAt.Should().BeCloseTo(ended.AddSeconds(i), TimeSpan.FromMilliseconds(1));
            recorded.CredentialHint.Should().Be(i == 0 ? "sk-a...new1" : interception.CredentialHint, "an end without a hint keeps the stored one");
        }
    }

    [Fact]
    public async Task The_database_sets_the_batch_default_and_configuration_overrides_it_but_sqlite_keeps_one_writer()
    {
        var sqlite = Fixture.Provider == DatabaseProvider.Sqlite;
        var defaults = Fixture.Factory.Services.GetRequiredService<IOptions<RecordingOptions>>().Value;
        defaults.BatchSize.Should().Be(sqlite ? RecordingOptions.SqliteBatchSize : new RecordingOptions().BatchSize);
        defaults.Writers.Should().Be(sqlite ? 1 : new RecordingOptions().Writers);

        await using var configured = new AIBridgeFactory(Fixture.Provider, Fixture.ConnectionString,
            ("AIBridge:Recording:BatchSize", "700"), ("AIBridge:Recording:Writers", "3"));
        var options = configured.Services.GetRequiredService<IOptions<RecordingOptions>>().Value;
        options.BatchSize.Should().Be(700);
        options.Writers.Should().Be(sqlite ? 1 : 3);
    }

    private async Task WrittenAsync(Guid id)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var db = Fixture.CreateDbContext();
            if (db.Interceptions.Any(i => i.Id == id))
            {
                return;
            }

            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), $"interception {id} should be written");
            await Task.Delay(20);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RecorderTests_Sqlite(SqliteFixture fixture) : RecorderTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class RecorderTests_Postgres(PostgresFixture fixture) : RecorderTests(fixture);

public sealed class RecordQueueBoundTests
{
    [Fact]
    public void Past_the_bound_records_are_dropped_and_so_is_the_rest_of_a_dropped_interception()
    {
        using var queue = new RecordQueue(Options.Create(new RecordingOptions { MaxQueuedRecords = 2 }), NullLogger<RecordQueue>.Instance);
        var a = new Interception { Id = Guid.NewGuid() };
        var b = new Interception { Id = Guid.NewGuid() };
        var c = new Interception { Id = Guid.NewGuid() };

        queue.Enqueue(new InterceptionStarted(a, null)).Should().BeTrue();
        queue.Enqueue(new InterceptionStarted(b, null)).Should().BeTrue();
        queue.Enqueue(new InterceptionStarted(c, null)).Should().BeFalse();
        queue.Count.Should().Be(2);

        // c's start was dropped: its end is dropped too, even with room in the queue, so no orphan appears.
        queue.Enqueue(new InterceptionEnded(a.Id, DateTime.UtcNow, null)).Should().BeFalse("the queue is full");
        queue.Close();
        queue.Enqueue(new InterceptionEnded(c.Id, DateTime.UtcNow, null)).Should().BeFalse();
    }

    [Fact]
    public void With_several_writers_each_user_and_each_interception_stays_with_one_writer_in_order()
    {
        using var queue = new RecordQueue(Options.Create(new RecordingOptions { Writers = 3 }), NullLogger<RecordQueue>.Instance);
        var users = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        var expected = new Dictionary<Guid, List<RecordedItem>>();
        foreach (var user in users)
        {
            var interception = new Interception { Id = Guid.NewGuid(), InitiatorId = user };
            var records = new List<RecordedItem>
            {
                new ApiKeyUsed("key-" + user, user, DateTime.UtcNow),
                new InterceptionStarted(interception, null),
                new ToolUsageRecorded(new ToolUsage { Id = Guid.NewGuid(), InterceptionId = interception.Id, Tool = "t", Input = "{}", Metadata = "{}" }),
                new UserPromptRecorded(new UserPrompt { Id = Guid.NewGuid(), InterceptionId = interception.Id, Prompt = "p", Metadata = "{}" }),
                new InterceptionEnded(interception.Id, DateTime.UtcNow, null),
            };
            expected[user] = records;
        }

        // Interleaved, as concurrent requests queue them.
        for (var step = 0; step < 5; step++)
        {
            foreach (var user in users)
            {
                queue.Enqueue(expected[user][step]).Should().BeTrue();
            }
        }

        queue.Close();
        var partitions = queue.Readers.Select(reader => reader.ReadAllAsync().ToBlockingEnumerable().ToList()).ToList();
        partitions.Should().HaveCount(3);
        partitions.Count(p => p.Count > 0).Should().BeGreaterThan(1, "30 users spread over the writers");
        foreach (var user in users)
        {
            var holders = partitions.Where(p => p.Contains(expected[user][0])).ToList();
            holders.Should().ContainSingle();
            holders[0].Where(expected[user].Contains).Should().Equal(expected[user], "a user's records stay with one writer, in order");
        }
    }

    [Fact]
    public async Task With_several_writers_a_second_end_follows_the_first_until_it_is_written()
    {
        using var queue = new RecordQueue(Options.Create(new RecordingOptions { Writers = 4 }), NullLogger<RecordQueue>.Instance);
        var interceptions = Enumerable.Range(0, 40).Select(_ => new Interception { Id = Guid.NewGuid(), InitiatorId = Guid.NewGuid() }).ToList();
        foreach (var interception in interceptions)
        {
            queue.Enqueue(new InterceptionStarted(interception, null));
            queue.Enqueue(new InterceptionEnded(interception.Id, DateTime.UtcNow, null));
            queue.Enqueue(new InterceptionEnded(interception.Id, DateTime.UtcNow.AddHours(1), null));
        }

        queue.Close();
        var partitions = new List<List<RecordedItem>>();
        foreach (var reader in queue.Readers)
        {
            var items = new List<RecordedItem>();
            await foreach (var item in reader.ReadAllAsync())
            {
                items.Add(item);
            }

            partitions.Add(items);
        }

        foreach (var interception in interceptions)
        {
            partitions.Should().ContainSingle(p => p.Any(i => i.InterceptionId == interception.Id), "both ends queue behind the start, in order");
        }

        // Written: the writer dequeues each record after its batch commits; the mapping goes with the end.
        foreach (var item in partitions.SelectMany(p => p))
        {
            queue.Dequeued(item);
        }

        queue.Count.Should().Be(0);
    }
}

using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Interceptions;
using AIBridge.Infrastructure.Recording;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AIBridge.UnitTests.Recording;

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
    public void Progress_says_how_full_the_queue_is_and_how_long_records_have_waited_since_it_stopped_being_empty()
    {
        var time = new FakeTimeProvider();
        using var queue = new RecordQueue(Options.Create(new RecordingOptions { MaxQueuedRecords = 10 }), NullLogger<RecordQueue>.Instance, time);
        time.Advance(TimeSpan.FromHours(1));
        queue.Progress().Should().Be((0.0, TimeSpan.Zero), "nothing waits");

        queue.Enqueue(new InterceptionStarted(new Interception { Id = Guid.NewGuid() }, null));
        time.Advance(TimeSpan.FromSeconds(5));
        queue.Progress().Should().Be((0.1, TimeSpan.FromSeconds(5)), "an hour without batches before the queue had anything is not a stall");

        for (var i = 0; i < 8; i++)
        {
            queue.Enqueue(new InterceptionStarted(new Interception { Id = Guid.NewGuid() }, null));
        }

        queue.Progress().Fullness.Should().BeApproximately(0.9, 1e-9);
        queue.Metrics.BatchCommitted(time.GetTimestamp());
        time.Advance(TimeSpan.FromSeconds(2));
        queue.Progress().Stalled.Should().Be(TimeSpan.FromSeconds(2), "a commit restarts the wait");
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

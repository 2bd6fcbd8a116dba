using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Interceptions;
using AIBridge.FunctionalTests.Infrastructure;
using AIBridge.Infrastructure.Persistence.Providers;
using AIBridge.Infrastructure.Recording;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task Every_value_form_is_stored_as_given_empty_null_long_and_unicode_text_alike()
    {
        var queue = Fixture.Factory.Services.GetRequiredService<RecordQueue>();
        var interception = InterceptionSeeder.New(Owner.Id, completed: false, client: "Claude Code");
        interception.CredentialHint = "";
        interception.Metadata = null;
        var at = new DateTime(2026, 11, 29, 1, 2, 3, DateTimeKind.Utc).AddTicks(1234560);
        var prompt = new UserPrompt
        {
            Id = Guid.NewGuid(), InterceptionId = interception.Id, ProviderResponseId = "", Metadata = null, CreatedAt = at,
            Prompt = string.Concat(Enumerable.Repeat("Grüße, 世界 🌍 \"quoted\"\n", 400)),
        };
        var usage = new TokenUsage
        {
            Id = Guid.NewGuid(), InterceptionId = interception.Id, ProviderResponseId = "msg_1", InputTokens = long.MaxValue / 3,
            OutputTokens = 0, CacheReadInputTokens = 7, CacheWriteInputTokens = 9, Metadata = "{}", CreatedAt = at,
        };
        var tool = new ToolUsage
        {
            Id = Guid.NewGuid(), InterceptionId = interception.Id, ProviderResponseId = "", ProviderToolCallId = "toolu_1", ProviderItemId = null,
            ServerUrl = null, Tool = "Read", Input = "", Injected = true, InvocationError = null, Metadata = null, CreatedAt = at,
        };
        var thought = new ModelThought { Id = Guid.NewGuid(), InterceptionId = interception.Id, Content = "", Metadata = null, CreatedAt = at };

        queue.Enqueue(new InterceptionStarted(interception, null));
        queue.Enqueue(new UserPromptRecorded(prompt));
        queue.Enqueue(new TokenUsageRecorded(usage));
        queue.Enqueue(new ToolUsageRecorded(tool));
        queue.Enqueue(new ModelThoughtRecorded(thought));
        queue.Enqueue(new InterceptionEnded(interception.Id, at.AddSeconds(1), null));

        var recorded = await RecordedAsync(interception.Id);
        recorded.CredentialHint.Should().Be("", "an empty text is stored as empty, not as NULL");
        recorded.Metadata.Should().BeNull();
        recorded.Client.Should().Be("Claude Code");
        recorded.EndedAt.Should().Be(at.AddSeconds(1));
        recorded.UserPrompts.Should().ContainSingle().Which.Should().BeEquivalentTo(prompt);
        recorded.TokenUsages.Should().ContainSingle().Which.Should().BeEquivalentTo(usage);
        recorded.ToolUsages.Should().ContainSingle().Which.Should().BeEquivalentTo(tool);
        recorded.ModelThoughts.Should().ContainSingle().Which.Should().BeEquivalentTo(thought);
    }

    [Fact]
    public void Only_an_in_process_database_writes_on_the_writer_threads_and_a_backlog_goes_to_the_catch_up_one()
    {
        var scheduler = Fixture.Factory.Services.GetRequiredService<RecordWriter>().Scheduler;
        var catchUp = Fixture.Factory.Services.GetRequiredService<IOptions<RecordingOptions>>().Value.CatchUpRecords;
        if (Fixture.Provider != DatabaseProvider.Sqlite)
        {
            scheduler.Should().BeOfType<InlineBatchScheduler>("a database server does the work in its own processes");
            return;
        }

        var threads = scheduler.Should().BeOfType<WriterThreads>().Subject;
        threads.For(catchUp - 1).LowestPriority.Should().BeTrue();
        threads.For(catchUp).LowestPriority.Should().BeFalse();
    }

    [Fact]
    public async Task A_row_refused_at_insert_is_isolated_like_one_refused_at_commit()
    {
        var queue = Fixture.Factory.Services.GetRequiredService<RecordQueue>();
        var interception = InterceptionSeeder.New(Owner.Id, completed: false);
        var refused = new ToolUsage { Id = Guid.NewGuid(), InterceptionId = interception.Id, Tool = null!, Input = "{}", CreatedAt = DateTime.UtcNow };
        var kept = new ToolUsage { Id = Guid.NewGuid(), InterceptionId = interception.Id, Tool = "ok", Input = "{}", CreatedAt = DateTime.UtcNow };

        queue.Enqueue(new InterceptionStarted(interception, null));
        queue.Enqueue(new ToolUsageRecorded(refused));
        queue.Enqueue(new ToolUsageRecorded(kept));
        queue.Enqueue(new InterceptionEnded(interception.Id, DateTime.UtcNow, null));

        var recorded = await RecordedAsync(interception.Id);
        recorded.ToolUsages.Select(t => t.Tool).Should().Equal("ok");
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

    /// <summary>
    /// The relay completes a client's response before the parser queues the tool calls of its last
    /// bytes, so a fast agent's answer can start (and reach the writer) first: the writer waits for the
    /// caller's records instead of making the answer a thread of its own. The call is timed after the
    /// answer started, as it is when parsed late.
    /// </summary>
    [Fact]
    public async Task An_answer_that_arrives_before_its_tool_call_is_queued_still_joins_the_callers_thread()
    {
        var queue = Fixture.Factory.Services.GetRequiredService<RecordQueue>();
        var caller = InterceptionSeeder.New(Owner.Id, completed: false);
        caller.StartedAt = DateTime.UtcNow.AddSeconds(-2);
        var answer = InterceptionSeeder.New(Owner.Id, completed: false);
        answer.StartedAt = DateTime.UtcNow.AddSeconds(-1);
        var response = queue.BeginResponse(caller.InitiatorId, caller.StartedAt);

        queue.Enqueue(new InterceptionStarted(caller, null));
        queue.Enqueue(new InterceptionStarted(answer, "toolu_parsed_late"));
        await Task.Delay(100);
        queue.Enqueue(new ToolUsageRecorded(new ToolUsage
        {
            Id = Guid.NewGuid(), InterceptionId = caller.Id, ProviderToolCallId = "toolu_parsed_late", Tool = "Read", Input = "{}",
            Metadata = "{}", CreatedAt = DateTime.UtcNow,
        })
        {
            InterceptionStartedAt = caller.StartedAt,
        });
        queue.Enqueue(new InterceptionEnded(caller.Id, DateTime.UtcNow, null));
        queue.EndResponse(response);
        queue.Enqueue(new InterceptionEnded(answer.Id, DateTime.UtcNow, null));

        var recorded = await RecordedAsync(answer.Id);
        (recorded.ThreadParentId, recorded.ThreadRootId, recorded.SessionId).Should().Be((caller.Id, caller.Id, caller.Id.ToString()));
    }

    /// <summary>Nothing of the user's is still being recorded: an unknown call does not hold the batch up.</summary>
    [Fact]
    public async Task An_answer_to_an_unknown_call_is_written_at_once_when_no_response_of_its_user_is_open()
    {
        await using var factory = new AIBridgeFactory(Fixture.Provider, Fixture.ConnectionString, ("AIBridge:Recording:MaxLineageWait", "00:01:00"));
        var queue = factory.Services.GetRequiredService<RecordQueue>();
        var other = queue.BeginResponse(Guid.NewGuid(), DateTime.UtcNow.AddMinutes(-1));
        var answer = InterceptionSeeder.New(Owner.Id, completed: false);
        answer.StartedAt = DateTime.UtcNow;
        var started = System.Diagnostics.Stopwatch.StartNew();

        queue.Enqueue(new InterceptionStarted(answer, "toolu_never_made"));
        await WrittenAsync(answer.Id);
        var waited = started.Elapsed;
        queue.EndResponse(other);

        waited.Should().BeLessThan(TimeSpan.FromSeconds(30), "another user's open response cannot hold a call this user answers");
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

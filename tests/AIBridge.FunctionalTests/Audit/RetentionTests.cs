using AIBridge.Application.Audit.Retention;
using AIBridge.Domain.Usage;
using AIBridge.FunctionalTests.Infrastructure;
using AIBridge.Infrastructure.Persistence.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AIBridge.FunctionalTests.Audit;

/// <summary>The retention job (read-api spec §5.7): interceptions started before now − RetentionDays go, with everything hanging off them.</summary>
public abstract class RetentionTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private InterceptionSeeder Seeder => new(Fixture);

    /// <summary>One day after minute 100 of the seeded timeline: with one day of retention, the cutoff is minute 100.</summary>
    private static readonly DateTimeOffset Now = new(InterceptionSeeder.At(100).AddDays(1));

    [Fact]
    public async Task Deletes_what_started_before_the_cutoff_in_batches_with_its_rows_and_its_share_of_sessions()
    {
        var user = await Seeder.AddUserAsync("alice");
        var expired = InterceptionSeeder.New(user, minute: 0).WithPrompt("old").WithTokens(10, 5).WithTool("Read").WithThought("hmm");
        var expiredInShared = InterceptionSeeder.New(user, minute: 10, clientSessionId: "s-1").WithPrompt("old, shared session");
        var expiredInFlight = InterceptionSeeder.New(user, minute: 20, completed: false);
        var kept = InterceptionSeeder.New(user, minute: 100.5).WithPrompt("new").WithTokens(20, 7);
        var keptInShared = InterceptionSeeder.New(user, minute: 300, clientSessionId: "s-1");
        await Seeder.SaveAsync(expired, expiredInShared, expiredInFlight, kept, keptInShared);

        var deleted = await SweepAsync(retentionDays: 1, batchSize: 2);

        deleted.Should().Be(3);
        await using var db = Fixture.CreateDbContext();
        (await db.Interceptions.Select(i => i.Id).ToListAsync()).Should().BeEquivalentTo([kept.Id, keptInShared.Id]);
        Guid[] gone = [expired.Id, expiredInShared.Id, expiredInFlight.Id];
        (await db.UserPrompts.CountAsync(p => gone.Contains(p.InterceptionId))).Should().Be(0);
        (await db.TokenUsages.CountAsync(t => gone.Contains(t.InterceptionId))).Should().Be(0);
        (await db.ToolUsages.CountAsync(t => gone.Contains(t.InterceptionId))).Should().Be(0);
        (await db.ModelThoughts.CountAsync(t => gone.Contains(t.InterceptionId))).Should().Be(0);
        (await db.UserPrompts.CountAsync()).Should().Be(1, "the kept interception's prompt stays");
        (await db.TokenUsages.CountAsync()).Should().Be(1);

        var sessions = await db.SessionRollups.AsNoTracking().Where(r => r.Slice == RollupSlices.All).ToListAsync();
        sessions.Select(r => r.SessionId).Should().BeEquivalentTo([kept.SessionId, "s-1"]);
        var shared = sessions.Single(r => r.SessionId == "s-1");
        shared.Interceptions.Should().Be(1);
        shared.StartedAt.Should().Be(keptInShared.StartedAt, "the shared session now starts at its kept interception");
        var counts = await db.RollupCounts.AsNoTracking().SingleAsync(c => c.InitiatorId == user && c.Slice == RollupSlices.All);
        (counts.Interceptions, counts.Sessions).Should().Be((2L, 2L));
    }

    [Fact]
    public async Task Usage_goes_with_the_hours_and_days_that_ended_before_the_cutoff_in_the_roll_ups_and_every_slice()
    {
        var user = await Seeder.AddUserAsync("carol");
        var cutoffHour = UsageHours.Of(Now.UtcDateTime.AddDays(-1));
        var hours = new[] { cutoffHour - 30, cutoffHour - 1, cutoffHour, cutoffHour + 1 };
        var days = hours.Select(h => h / 24).Append((cutoffHour / 24) - 2).Distinct().ToArray();
        await using (var arrange = Fixture.CreateDbContext())
        {
            foreach (var hour in hours)
            {
                arrange.UsageHours.Add(new UsageHour { Hour = hour, InitiatorId = user, Provider = "anthropic", ProviderName = "anthropic", Model = "m", Client = "Unknown", Interceptions = 1 });
                arrange.UsageHourSlices.AddRange(UsageSlices.Kept.Select(kept => new UsageHourSlice { Dimensions = kept, Hour = hour, Provider = "", ProviderName = "", Model = "", Client = "", Interceptions = 1 }));
            }

            foreach (var day in days)
            {
                arrange.UsageDays.Add(new UsageDay { Day = day, InitiatorId = user, Provider = "anthropic", ProviderName = "anthropic", Model = "m", Client = "Unknown", Interceptions = 1 });
                arrange.UsageDaySlices.AddRange(UsageSlices.Kept.Select(kept => new UsageDaySlice { Dimensions = kept, Day = day, Provider = "", ProviderName = "", Model = "", Client = "", Interceptions = 1 }));
            }

            await arrange.SaveChangesAsync();
        }

        await SweepAsync(retentionDays: 1, batchSize: 10);

        await using var db = Fixture.CreateDbContext();
        long[] keptHours = [cutoffHour, cutoffHour + 1];
        long[] keptDays = [.. days.Where(d => d >= cutoffHour / 24)];
        (await db.UsageHours.Select(u => u.Hour).ToListAsync()).Should().BeEquivalentTo(keptHours, "the cutoff's own hour is not over yet");
        (await db.UsageDays.Select(u => u.Day).ToListAsync()).Should().BeEquivalentTo(keptDays, "the cutoff's day is not over yet");
        foreach (var kept in UsageSlices.Kept)
        {
            (await db.UsageHourSlices.Where(u => u.Dimensions == kept).Select(u => u.Hour).ToListAsync()).Should().BeEquivalentTo(keptHours, kept.ToString());
            (await db.UsageDaySlices.Where(u => u.Dimensions == kept).Select(u => u.Day).ToListAsync()).Should().BeEquivalentTo(keptDays, kept.ToString());
        }
    }

    [Fact]
    public async Task Keeps_everything_when_retention_is_off()
    {
        var user = await Seeder.AddUserAsync("bob");
        await Seeder.SaveAsync(InterceptionSeeder.New(user, minute: 0), InterceptionSeeder.New(user, minute: 1, completed: false));

        (await SweepAsync(retentionDays: 0, batchSize: 1)).Should().Be(0);

        await using var db = Fixture.CreateDbContext();
        (await db.Interceptions.CountAsync()).Should().Be(2);
    }

    [Fact]
    public async Task The_job_sweeps_once_the_host_has_started()
    {
        var user = await Seeder.AddUserAsync("carol");
        var old = InterceptionSeeder.New(user, minute: 0).WithPrompt("2025");
        var fresh = InterceptionSeeder.New(user);
        fresh.StartedAt = DateTime.UtcNow.AddDays(-29);
        fresh.EndedAt = fresh.StartedAt.AddSeconds(1);
        await Seeder.SaveAsync(old, fresh);

        await using var host = new AIBridgeFactory(Fixture.Provider, Fixture.ConnectionString, ("AIBridge:RetentionDays", "30"));
        host.StartServer();

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var db = Fixture.CreateDbContext();
            if (!await db.Interceptions.AnyAsync(i => i.Id == old.Id))
            {
                (await db.Interceptions.Select(i => i.Id).ToListAsync()).Should().Equal(fresh.Id);
                return;
            }

            waited.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "the start-up sweep should delete the interception from 2025");
            await Task.Delay(20);
        }
    }

    private async Task<long> SweepAsync(int retentionDays, int batchSize)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IInterceptionRetentionStore>();
        var sweep = new RetentionSweep(store, new RetentionOptions { RetentionDays = retentionDays }, new FixedClock(Now));
        return await sweep.RunAsync(CancellationToken.None, batchSize);
    }


    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RetentionTests_Sqlite(SqliteFixture fixture) : RetentionTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class RetentionTests_Postgres(PostgresFixture fixture) : RetentionTests(fixture);

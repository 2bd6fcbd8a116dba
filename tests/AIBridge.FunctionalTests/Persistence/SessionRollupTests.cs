using AIBridge.Domain.Interceptions;
using AIBridge.FunctionalTests.Infrastructure;
using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Persistence.Rollups;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.FunctionalTests.Persistence;

/// <summary>
/// The triggers keep <c>aibridge_session_rollups</c> equal to its definition through every kind of
/// write: rows inserted completed or completed later, prompts before and after the end, completed rows
/// moved between sessions or slices, deletions of interceptions and prompts. After each step the table
/// is compared with the roll-ups recomputed here from the source rows.
/// </summary>
public abstract class SessionRollupTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private InterceptionSeeder Seeder => new(Fixture);

    private static readonly string[] Providers = ["anthropic", "openai"];
    private static readonly string[] Models = ["claude-4", "gpt-5", "claude-4-haiku"];
    private static readonly string?[] Clients = [null, "Unknown", "Claude Code", "Codex"];
    private static readonly string[] SessionIds = ["s-1", "s-2", "s-3"];

    [Fact]
    public async Task Match_their_definition_after_every_kind_of_write()
    {
        var random = new Random(20261128);
        Guid[] users = [await Seeder.AddUserAsync("alice"), await Seeder.AddUserAsync("bob")];

        for (var step = 0; step < 120; step++)
        {
            await using var db = Fixture.CreateDbContext();
            var ids = await db.Interceptions.Select(i => i.Id).OrderBy(i => i).ToListAsync();
            var kind = ids.Count < 8 ? 0 : random.Next(7);
            var target = ids.Count == 0 ? Guid.Empty : ids[random.Next(ids.Count)];
            var minute = random.Next(0, 500);
            switch (kind)
            {
                case 0 or 1:
                    var parent = ids.Count > 0 && random.Next(3) == 0 ? await db.Interceptions.AsNoTracking().SingleAsync(i => i.Id == target) : null;
                    var interception = InterceptionSeeder.New(
                        users[random.Next(users.Length)], Pick(random, Models), Pick(random, Clients), Pick(random, Providers),
                        completed: random.Next(3) > 0, minute, clientSessionId: random.Next(2) == 0 ? Pick(random, SessionIds) : null, parent);
                    if (random.Next(2) == 0)
                    {
                        interception.WithPrompt("prompt " + step, minute + random.Next(0, 3) / 2.0);
                    }

                    db.Interceptions.Add(interception);
                    await db.SaveChangesAsync();
                    break;
                case 2:
                    // What the recorder does when an end arrives in a later batch than the start.
                    await db.Interceptions.Where(i => i.Id == target && i.EndedAt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(i => i.EndedAt, InterceptionSeeder.At(minute + 600)));
                    break;
                case 3:
                    db.UserPrompts.Add(new UserPrompt
                    {
                        Id = Guid.NewGuid(), InterceptionId = target, ProviderResponseId = "msg", Prompt = "late prompt " + step,
                        Metadata = "{}", CreatedAt = InterceptionSeeder.At(minute),
                    });
                    await db.SaveChangesAsync();
                    break;
                case 4:
                    await db.Interceptions.Where(i => i.Id == target).ExecuteDeleteAsync();
                    break;
                case 5:
                    var provider = Pick(random, Providers);
                    var model = Pick(random, Models);
                    var client = Pick(random, Clients);
                    var session = Pick(random, SessionIds);
                    var user = users[random.Next(users.Length)];
                    await db.Interceptions.Where(i => i.Id == target).ExecuteUpdateAsync(s => s
                        .SetProperty(i => i.Provider, provider).SetProperty(i => i.Model, model).SetProperty(i => i.Client, client)
                        .SetProperty(i => i.SessionId, session).SetProperty(i => i.InitiatorId, user)
                        .SetProperty(i => i.StartedAt, InterceptionSeeder.At(minute)));
                    break;
                case 6:
                    var prompt = await db.UserPrompts.OrderBy(p => p.Id).Select(p => p.Id).Skip(random.Next(4)).FirstOrDefaultAsync();
                    if (random.Next(2) == 0)
                    {
                        await db.UserPrompts.Where(p => p.Id == prompt).ExecuteDeleteAsync();
                    }
                    else
                    {
                        await db.UserPrompts.Where(p => p.Id == prompt).ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, InterceptionSeeder.At(minute)));
                    }

                    break;
            }

            (await StoredAsync(db)).Should().BeEquivalentTo(await ExpectedAsync(db), $"after step {step} (write kind {kind})");
            (await StoredCountsAsync(db)).Should().BeEquivalentTo(await ExpectedCountsAsync(db), $"after step {step} (write kind {kind})");
        }

        await using var final = Fixture.CreateDbContext();
        (await final.SessionRollups.CountAsync()).Should().BeGreaterThan(20, "the walk must leave a table worth comparing");
    }

    [Fact]
    public async Task Are_not_touched_by_in_flight_interceptions()
    {
        var user = await Seeder.AddUserAsync("carol");
        await using var db = Fixture.CreateDbContext();
        db.Interceptions.Add(InterceptionSeeder.New(user, completed: false).WithPrompt("still running"));
        await db.SaveChangesAsync();

        (await db.SessionRollups.CountAsync()).Should().Be(0);
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];


    private static async Task<List<RollupRow>> StoredAsync(AIBridgeDbContext db) =>
        (await db.SessionRollups.AsNoTracking().ToListAsync())
        .Select(r => new RollupRow(r.SessionId, r.InitiatorId, r.Slice, r.Interceptions, r.Threads, r.StartedAt, r.EndedAt, r.PromptedAt, r.LastActiveAt))
        .ToList();

    /// <summary>Zero rows are left behind by deletions; they add nothing to a sum.</summary>
    private static async Task<List<(Guid, string, long, long)>> StoredCountsAsync(AIBridgeDbContext db) =>
        (await db.RollupCounts.AsNoTracking().Where(c => c.Interceptions != 0 || c.Sessions != 0).ToListAsync())
        .Select(c => (c.InitiatorId, c.Slice, c.Interceptions, c.Sessions))
        .ToList();

    private static async Task<List<(Guid, string, long, long)>> ExpectedCountsAsync(AIBridgeDbContext db) =>
        (await db.Interceptions.AsNoTracking().Where(i => i.EndedAt != null).ToListAsync())
        .SelectMany(i => SlicesOf(i).Select(slice => (i.InitiatorId, Slice: slice, i.SessionId)))
        .GroupBy(x => (x.InitiatorId, x.Slice))
        .Select(g => (g.Key.InitiatorId, g.Key.Slice, (long)g.Count(), (long)g.Select(x => x.SessionId).Distinct().Count()))
        .ToList();

    private static string[] SlicesOf(Interception i) =>
    [
        RollupSlices.All,
        RollupSlices.ProviderPrefix + i.Provider,
        RollupSlices.ModelPrefix + i.Model,
        RollupSlices.ClientPrefix + (i.Client ?? "Unknown"),
    ];

    /// <summary>The definition (read API §8.1), computed in memory from the source rows.</summary>
    private static async Task<List<RollupRow>> ExpectedAsync(AIBridgeDbContext db)
    {
        var completed = await db.Interceptions.AsNoTracking().Where(i => i.EndedAt != null).ToListAsync();
        var prompts = (await db.UserPrompts.AsNoTracking().ToListAsync()).ToLookup(p => p.InterceptionId);
        return completed
            .SelectMany(i => SlicesOf(i).Select(slice => (Slice: slice, Row: i)))
            .GroupBy(x => (x.Row.SessionId, x.Row.InitiatorId, x.Slice))
            .Select(g =>
            {
                var rows = g.Select(x => x.Row).ToList();
                var prompted = rows.SelectMany(i => prompts[i.Id]).Select(p => (DateTime?)p.CreatedAt).Max();
                var started = rows.Min(i => i.StartedAt);
                return new RollupRow(g.Key.SessionId, g.Key.InitiatorId, g.Key.Slice, rows.Count, rows.Count(i => i.ThreadRootId == null),
                    started, rows.Max(i => i.EndedAt), prompted, prompted ?? started);
            })
            .ToList();
    }

    private sealed record RollupRow(string SessionId, Guid InitiatorId, string Slice, long Interceptions, long Threads,
        DateTime StartedAt, DateTime? EndedAt, DateTime? PromptedAt, DateTime LastActiveAt);
}

[Collection(SqliteCollection.Name)]
public sealed class SessionRollupTests_Sqlite(SqliteFixture fixture) : SessionRollupTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class SessionRollupTests_Postgres(PostgresFixture fixture) : SessionRollupTests(fixture);

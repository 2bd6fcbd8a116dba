using AIBridge.Application.Audit;
using AIBridge.Application.Audit.Cache;
using AIBridge.Application.Audit.Dtos;
using AIBridge.Application.Audit.Threads;
using AIBridge.Application.Gateway.Parsing;
using AIBridge.Infrastructure.Persistence.Queries;
using AIBridge.Infrastructure.Persistence.Rollups;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Persistence.Repositories;

internal sealed class AuditReadRepository(AIBridgeDbContext db) : IAuditReadRepository
{
    public async Task<IReadOnlyList<string>> DistinctModelsAsync(bool callerCanRead, CancellationToken cancellationToken) =>
        await AuditQueries.DistinctModels(db, callerCanRead).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> DistinctClientsAsync(bool callerCanRead, CancellationToken cancellationToken) =>
        await AuditQueries.DistinctClients(db, callerCanRead).ToListAsync(cancellationToken);

    public async Task<InterceptionsPage?> ListInterceptionsAsync(AuditFilter filter, Guid? afterId, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var snapshot = await db.BeginReadSnapshotAsync(cancellationToken);
        CursorRow? cursor = null;
        if (afterId is { } id
            && (cursor = await AuditQueries.CursorPosition(db, filter.CallerCanRead, id).FirstOrDefaultAsync(cancellationToken)) is null)
        {
            return null;
        }

        var count = SessionRollupQueries.Counts(db, filter) is { } counts
            ? await counts.SumAsync(c => c.Interceptions, cancellationToken)
            : await AuditQueries.Selected(db, filter).LongCountAsync(cancellationToken);
        var results = await AuditQueries.InterceptionPage(db, filter, cursor, offset, limit).ProjectToDto().ToListAsync(cancellationToken);
        return new InterceptionsPage(count, results);
    }

    public async Task<InterceptionsPage> WithSubRecordsAsync(InterceptionsPage page, CancellationToken cancellationToken)
    {
        if (page.Results.Count == 0)
        {
            return page;
        }

        var ids = page.Results.Select(i => i.Id).ToList();
        var usages = (await AuditQueries.TokenUsagesOf(db, ids).ProjectToDto().ToListAsync(cancellationToken)).ToLookup(u => u.InterceptionId);
        var prompts = (await AuditQueries.UserPromptsOf(db, ids).ProjectToDto().ToListAsync(cancellationToken)).ToLookup(p => p.InterceptionId);
        var tools = (await AuditQueries.ToolUsagesOf(db, ids).ProjectToDto().ToListAsync(cancellationToken)).ToLookup(t => t.InterceptionId);
        return page with
        {
            Results = page.Results
                .Select(i => i with { TokenUsages = usages[i.Id].ToList(), UserPrompts = prompts[i.Id].ToList(), ToolUsages = tools[i.Id].ToList() })
                .ToList(),
        };
    }

    public async Task<SessionBlock?> FindSessionBlockAsync(AuditFilter filter, string sessionId, CancellationToken cancellationToken) =>
        await SessionQueries.Block(db, filter, sessionId)
            .Select(b => new SessionBlock(b.SessionId, b.LastActiveAt))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<SessionsPage> ListSessionsAsync(AuditFilter filter, SessionBlock? after, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var snapshot = await db.BeginReadSnapshotAsync(cancellationToken);
        var count = SessionRollupQueries.Counts(db, filter) is { } counts
            ? await counts.SumAsync(c => c.Sessions, cancellationToken)
            : await SessionQueries.Groups(db, filter).LongCountAsync(cancellationToken);
        var cursor = after is null ? null : new SessionBlockRow { SessionId = after.SessionId, LastActiveAt = after.LastActiveAt };
        var blockIds = await SessionQueries.BlockPage(db, filter, cursor, offset, limit).ToListAsync(cancellationToken);
        if (blockIds.Count == 0)
        {
            return new SessionsPage(count, []);
        }

        var groups = await SessionQueries.GroupsOf(db, filter, blockIds).ToListAsync(cancellationToken);
        var blockOrder = blockIds.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index, StringComparer.Ordinal);
        var ordered = groups
            .OrderBy(g => blockOrder[g.SessionId])
            .ThenByDescending(g => g.LastActiveAt)
            .ThenBy(g => g.InitiatorId.ToString(), StringComparer.Ordinal)
            .ToList();
        return new SessionsPage(count, await ToSessionsAsync(ordered, filter.CallerCanRead, cancellationToken));
    }

    public async Task<SessionDto?> FindSessionAsync(string sessionId, bool callerCanRead, CancellationToken cancellationToken)
    {
        var groups = await SessionQueries.Groups(db, AuditFilter.Unfiltered(callerCanRead) with { SessionId = sessionId }).ToListAsync(cancellationToken);
        var first = groups
            .OrderByDescending(g => g.LastActiveAt)
            .ThenBy(g => g.InitiatorId.ToString(), StringComparer.Ordinal)
            .FirstOrDefault();
        return first is null ? null : (await ToSessionsAsync([first], callerCanRead, cancellationToken))[0];
    }

    public async Task<IReadOnlyList<CacheTurn>> ListCacheTurnsAsync(string sessionId, bool callerCanRead, CancellationToken cancellationToken)
    {
        await using var snapshot = await db.BeginReadSnapshotAsync(cancellationToken);
        var rows = await CacheQueries.Turns(db, sessionId, callerCanRead).ToListAsync(cancellationToken);
        var hourLong = (await CacheQueries.UsageMetadata(db, sessionId, callerCanRead).ToListAsync(cancellationToken))
            .GroupBy(u => u.InterceptionId)
            .ToDictionary(g => g.Key, g => TokenMetadataAggregator.Sum(g.Select(u => u.Metadata)).GetValueOrDefault(ParsedUsage.OneHourCacheWrites));
        return rows.Select(r => new CacheTurn(r.Id, r.StartedAt, r.Provider, r.Model, r.ThreadRootId, r.SystemHash, r.ToolsHash, r.Input, r.CacheRead,
            r.CacheWrite, hourLong.GetValueOrDefault(r.Id), r.CostMicros)).ToList();
    }

    public async Task<ThreadPageResult> ListThreadsAsync(string sessionId, bool callerCanRead, ThreadCursor? cursor, int limit, CancellationToken cancellationToken)
    {
        await using var snapshot = await db.BeginReadSnapshotAsync(cancellationToken);
        CursorRow? position = null;
        if (cursor is not null)
        {
            position = await AuditQueries.CursorPosition(db, callerCanRead, cursor.Id).FirstOrDefaultAsync(cancellationToken);
            if (position is null || position.SessionId != sessionId)
            {
                return new ThreadPageResult(position is null ? CursorLookup.NotFound : CursorLookup.OtherSession, null);
            }
        }

        var roots = cursor is { Before: true }
            ? (await SessionQueries.RootsBefore(db, callerCanRead, sessionId, position!, limit).Select(ThreadColumns).ToListAsync(cancellationToken)).AsEnumerable().Reverse().ToList()
            : await SessionQueries.RootsAfter(db, callerCanRead, sessionId, position, limit).Select(ThreadColumns).ToListAsync(cancellationToken);
        var rootIds = roots.Select(r => r.Id).ToList();
        var members = rootIds.Count == 0 ? [] : await SessionQueries.Members(db, callerCanRead, sessionId, rootIds).Select(ThreadColumns).ToListAsync(cancellationToken);
        var ids = rootIds.Concat(members.Select(m => m.Id)).ToList();

        var rows = new ThreadPageRows(
            roots,
            members,
            await AuditQueries.TokenUsagesOf(db, ids)
                .Select(t => new ThreadTokenUsage(t.InterceptionId, t.InputTokens, t.OutputTokens, t.CacheReadInputTokens, t.CacheWriteInputTokens, t.Metadata))
                .ToListAsync(cancellationToken),
            await AuditQueries.ToolUsagesOf(db, ids).ProjectToToolCall().ToListAsync(cancellationToken),
            await AuditQueries.ModelThoughtsOf(db, ids).Select(t => new ThreadThought(t.InterceptionId, t.Content)).ToListAsync(cancellationToken),
            await AuditQueries.UserPromptsOf(db, rootIds).Select(p => new ThreadPrompt(p.InterceptionId, p.Prompt)).ToListAsync(cancellationToken),
            await SessionQueries.ThreadTokenMetadata(db, callerCanRead, sessionId).ToListAsync(cancellationToken));
        return new ThreadPageResult(CursorLookup.Found, rows);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Domain.Interceptions.Interception, ThreadInterception>> ThreadColumns =
        i => new ThreadInterception(i.Id, i.ThreadRootId, i.Model, i.Provider, i.CredentialKind, i.CredentialHint, i.StartedAt, i.EndedAt,
            i.StatusCode, i.ErrorType, i.ErrorMessage);

    /// <summary>Adds the fields computed over all of each group's interceptions, whatever the filters.</summary>
    private async Task<IReadOnlyList<SessionDto>> ToSessionsAsync(IReadOnlyList<SessionGroupRow> groups, bool callerCanRead, CancellationToken cancellationToken)
    {
        var sessionIds = groups.Select(g => g.SessionId).Distinct(StringComparer.Ordinal).ToList();
        var firsts = (await SessionQueries.FirstInterceptions(db, callerCanRead, sessionIds).ToListAsync(cancellationToken))
            .ToDictionary(f => (f.SessionId, f.InitiatorId));
        var models = (await SessionQueries.ProvidersAndModels(db, callerCanRead, sessionIds).ToListAsync(cancellationToken))
            .ToLookup(m => (m.SessionId, m.InitiatorId));
        var sums = (await SessionQueries.TokenSums(db, callerCanRead, sessionIds).ToListAsync(cancellationToken))
            .ToDictionary(s => (s.SessionId, s.InitiatorId));
        var prompts = (await SessionQueries.LastPrompts(db, callerCanRead, sessionIds).ToListAsync(cancellationToken))
            .ToDictionary(p => (p.SessionId, p.InitiatorId), p => p.Prompt);
        var initiatorIds = groups.Select(g => g.InitiatorId).Distinct().ToList();
        var users = (await AuditQueries.MinimalUsers(db, initiatorIds).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id);

        return groups.Select(g =>
        {
            var key = (g.SessionId, g.InitiatorId);
            var first = firsts[key];
            var sum = sums.GetValueOrDefault(key);
            return new SessionDto
            {
                Id = g.SessionId,
                Initiator = users[g.InitiatorId],
                Providers = models[key].Select(m => m.Provider).Distinct().Order(StringComparer.Ordinal).ToList(),
                Models = models[key].Select(m => m.Model).Distinct().Order(StringComparer.Ordinal).ToList(),
                Client = first.Client,
                Metadata = first.Metadata,
                StartedAt = g.StartedAt,
                EndedAt = g.EndedAt,
                Threads = g.Threads,
                TokenUsageSummary = sum is null ? TokenCounts.Zero : new TokenCounts
                {
                    InputTokens = sum.InputTokens,
                    OutputTokens = sum.OutputTokens,
                    CacheReadInputTokens = sum.CacheReadInputTokens,
                    CacheWriteInputTokens = sum.CacheWriteInputTokens,
                },
                LastPrompt = prompts.GetValueOrDefault(key) is { Length: > 0 } prompt ? prompt : null,
                LastActiveAt = g.LastActiveAt,
            };
        }).ToList();
    }
}

using AIBridge.Application.Audit.Dtos;
using AIBridge.Application.Audit.Threads;

namespace AIBridge.Application.Audit;

/// <summary>
/// Read-side queries of the audit API. Only completed interceptions are read, and only when the
/// caller can read (a row predicate: a member reads nothing). Each method is one step of its
/// endpoint, so a failure can be reported as that step's error.
/// </summary>
public interface IAuditReadRepository
{
    /// <summary>Distinct models (unordered; the set is small).</summary>
    Task<IReadOnlyList<string>> DistinctModelsAsync(bool callerCanRead, CancellationToken cancellationToken);

    /// <summary>Distinct clients, NULL read as "Unknown" (unordered).</summary>
    Task<IReadOnlyList<string>> DistinctClientsAsync(bool callerCanRead, CancellationToken cancellationToken);

    /// <summary>
    /// The count and a page of interceptions, newest first, without sub-records, read in one snapshot;
    /// null when <paramref name="afterId"/> names no interception the caller can read.
    /// </summary>
    Task<InterceptionsPage?> ListInterceptionsAsync(AuditFilter filter, Guid? afterId, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>The page with each interception's token usages, prompts and tool usages, by (created_at, id).</summary>
    Task<InterceptionsPage> WithSubRecordsAsync(InterceptionsPage page, CancellationToken cancellationToken);

    /// <summary>The block of <paramref name="sessionId"/> among the groups of this query; null when it has none.</summary>
    Task<SessionBlock?> FindSessionBlockAsync(AuditFilter filter, string sessionId, CancellationToken cancellationToken);

    /// <summary>The count and a page of whole session blocks (after <paramref name="after"/>), read in one snapshot.</summary>
    Task<SessionsPage> ListSessionsAsync(AuditFilter filter, SessionBlock? after, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>The first group of a session id's block, computed without filters; null when none is visible.</summary>
    Task<SessionDto?> FindSessionAsync(string sessionId, bool callerCanRead, CancellationToken cancellationToken);

    /// <summary>A page of a session's threads with every row they are built from, read in one snapshot.</summary>
    Task<ThreadPageResult> ListThreadsAsync(string sessionId, bool callerCanRead, ThreadCursor? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>Every ended interception of a session with its token sums, for the cache report; empty when none is visible.</summary>
    Task<IReadOnlyList<Cache.CacheTurn>> ListCacheTurnsAsync(string sessionId, bool callerCanRead, CancellationToken cancellationToken);
}

/// <summary>Where a session id's block sits in the session order: its key and id.</summary>
public sealed record SessionBlock(string SessionId, DateTime LastActiveAt);

using AIBridge.Application.Audit.Retention;
using AIBridge.Infrastructure.Persistence;
using AIBridge.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Retention;

/// <summary>
/// One statement per batch; the child rows go by the foreign keys' cascade, and the session roll-ups
/// follow through their delete triggers (ADR 0012).
/// </summary>
internal sealed class InterceptionRetentionStore(AIBridgeDbContext db) : IInterceptionRetentionStore
{
    public Task<int> DeleteStartedBeforeAsync(DateTime cutoff, int limit, CancellationToken cancellationToken) =>
        RetentionQueries.Expired(db, cutoff, limit).ExecuteDeleteAsync(cancellationToken);
}

using AIBridge.Domain.Providers;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>The stored providers, each with its key pool.</summary>
internal static class ProviderQueries
{
    public static IQueryable<StoredProvider> All(AIBridgeDbContext db) =>
        db.StoredProviders.Include(p => p.Keys.OrderBy(k => k.Position)).OrderBy(p => p.Name);

    public static IQueryable<StoredProvider> ByName(AIBridgeDbContext db, string name) =>
        db.StoredProviders.Include(p => p.Keys.OrderBy(k => k.Position)).Where(p => p.Name == name);
}

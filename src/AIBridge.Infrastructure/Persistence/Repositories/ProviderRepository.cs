using AIBridge.Application.Providers;
using AIBridge.Domain.Providers;
using AIBridge.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Persistence.Repositories;

internal sealed class ProviderRepository(AIBridgeDbContext db) : IProviderRepository
{
    public async Task<IReadOnlyList<StoredProvider>> ListAsync(CancellationToken cancellationToken) =>
        await ProviderQueries.All(db).AsNoTracking().ToListAsync(cancellationToken);

    public Task<StoredProvider?> FindAsync(string name, CancellationToken cancellationToken) =>
        ProviderQueries.ByName(db, name).FirstOrDefaultAsync(cancellationToken);

    public async Task<bool> TryAddAsync(StoredProvider provider, CancellationToken cancellationToken)
    {
        db.StoredProviders.Add(provider);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public void ReplaceKeys(StoredProvider provider, List<StoredProviderKey> pool)
    {
        db.StoredProviderKeys.RemoveRange(provider.Keys.Where(k => !pool.Contains(k)));
        db.StoredProviderKeys.AddRange(pool.Where(k => !provider.Keys.Contains(k)));
        provider.Keys = pool;
    }

    public void Remove(StoredProvider provider) => db.StoredProviders.Remove(provider);
}

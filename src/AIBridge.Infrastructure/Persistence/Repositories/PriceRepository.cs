using AIBridge.Application.Pricing;
using AIBridge.Domain.Pricing;
using AIBridge.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Persistence.Repositories;

internal sealed class PriceRepository(AIBridgeDbContext db) : IPriceRepository
{
    public async Task<IReadOnlyList<ModelPrice>> ListAsync(CancellationToken cancellationToken) =>
        await PriceQueries.All(db).AsNoTracking().ToListAsync(cancellationToken);

    public Task<ModelPrice?> FindAsync(string providerType, string model, CancellationToken cancellationToken) =>
        PriceQueries.ByKey(db, providerType, model).FirstOrDefaultAsync(cancellationToken);

    public void Add(ModelPrice price) => db.ModelPrices.Add(price);

    public void Remove(ModelPrice price) => db.ModelPrices.Remove(price);
}

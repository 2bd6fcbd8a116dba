using AIBridge.Domain.Pricing;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>The stored price overrides.</summary>
internal static class PriceQueries
{
    public static IQueryable<ModelPrice> All(AIBridgeDbContext db) => db.ModelPrices.OrderBy(p => p.ProviderType).ThenBy(p => p.Model);

    public static IQueryable<ModelPrice> ByKey(AIBridgeDbContext db, string providerType, string model) =>
        db.ModelPrices.Where(p => p.ProviderType == providerType && p.Model == model);
}

using AIBridge.Domain.Pricing;

namespace AIBridge.Application.Pricing;

/// <summary>The stored price overrides.</summary>
public interface IPriceRepository
{
    Task<IReadOnlyList<ModelPrice>> ListAsync(CancellationToken cancellationToken);

    Task<ModelPrice?> FindAsync(string providerType, string model, CancellationToken cancellationToken);

    void Add(ModelPrice price);

    void Remove(ModelPrice price);
}

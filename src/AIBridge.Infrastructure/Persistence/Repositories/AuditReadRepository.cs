using AIBridge.Application.Audit;
using AIBridge.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Persistence.Repositories;

internal sealed class AuditReadRepository(AIBridgeDbContext db) : IAuditReadRepository
{
    public async Task<IReadOnlyList<string>> DistinctModelsAsync(CancellationToken cancellationToken) =>
        await AuditQueries.DistinctModels(db).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> DistinctClientsAsync(CancellationToken cancellationToken) =>
        await AuditQueries.DistinctClients(db).ToListAsync(cancellationToken);
}

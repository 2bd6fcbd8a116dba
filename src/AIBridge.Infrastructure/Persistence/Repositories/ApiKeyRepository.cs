using AIBridge.Application.ApiKeys;
using AIBridge.Domain.ApiKeys;
using AIBridge.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace AIBridge.Infrastructure.Persistence.Repositories;

internal sealed class ApiKeyRepository(AIBridgeDbContext db) : IApiKeyRepository
{
    public void Add(ApiKey key) => db.ApiKeys.Add(key);

    public Task<ApiKeyCredential?> FindCredentialAsync(string id, CancellationToken cancellationToken) =>
        ApiKeyQueries.Credential(db, id).AsNoTracking().FirstOrDefaultAsync(cancellationToken);

    public Task<bool> TokenNameExistsAsync(Guid userId, string tokenName, CancellationToken cancellationToken) =>
        ApiKeyQueries.TokenByName(db, userId, tokenName).AnyAsync(cancellationToken);

    public async Task<IReadOnlyList<ApiKeyDto>> ListTokensAsync(Guid userId, CancellationToken cancellationToken) =>
        await ApiKeyQueries.Tokens(db, userId).ToListAsync(cancellationToken);

    public async Task<bool> DeleteAsync(Guid userId, string id, CancellationToken cancellationToken) =>
        await ApiKeyQueries.OfUser(db, userId, id).ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<IReadOnlyList<string>> DeleteLoginSessionsAsync(Guid userId, string? except, CancellationToken cancellationToken)
    {
        var ids = await ApiKeyQueries.LoginSessions(db, userId, except).Select(k => k.Id).ToListAsync(cancellationToken);
        await ApiKeyQueries.LoginSessions(db, userId, except).Where(k => ids.Contains(k.Id)).ExecuteDeleteAsync(cancellationToken);
        return ids;
    }

    public async Task TouchAsync(string id, Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        await ApiKeyQueries.ById(db, id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsed, now), cancellationToken);
        await UserQueries.ById(db, userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSeenAt, now), cancellationToken);
    }
}

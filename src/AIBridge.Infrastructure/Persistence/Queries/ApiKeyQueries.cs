using AIBridge.Application.ApiKeys;
using AIBridge.Domain.ApiKeys;

namespace AIBridge.Infrastructure.Persistence.Queries;

public static class ApiKeyQueries
{
    public static IQueryable<ApiKeyCredential> Credential(AIBridgeDbContext db, string id) =>
        from key in db.ApiKeys.NoneUnless(StoredText.CanBeStored(id))
        where key.Id == id
        join user in db.Users on key.UserId equals user.Id
        select new ApiKeyCredential(key.Id, key.HashedSecret, key.ExpiresAt, key.LastUsed, user.Id, user.Username, user.Status, user.Roles);

    public static IQueryable<ApiKey> TokenByName(AIBridgeDbContext db, Guid userId, string tokenName) =>
        db.ApiKeys.Where(k => k.UserId == userId && k.LoginType == LoginType.Token && k.TokenName == tokenName).NoneUnless(StoredText.CanBeStored(tokenName));

    public static IQueryable<ApiKeyDto> Tokens(AIBridgeDbContext db, Guid userId) =>
        db.ApiKeys
            .Where(k => k.UserId == userId && k.LoginType == LoginType.Token)
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id)
            .ProjectToDto();

    public static IQueryable<ApiKey> ById(AIBridgeDbContext db, string id) =>
        db.ApiKeys.Where(k => k.Id == id).NoneUnless(StoredText.CanBeStored(id));

    public static IQueryable<ApiKey> OfUser(AIBridgeDbContext db, Guid userId, string id) =>
        db.ApiKeys.Where(k => k.Id == id && k.UserId == userId).NoneUnless(StoredText.CanBeStored(id));

    /// <summary>The user's login sessions (not named tokens), but the one kept.</summary>
    public static IQueryable<ApiKey> LoginSessions(AIBridgeDbContext db, Guid userId, string? except) =>
        db.ApiKeys.Where(k => k.UserId == userId && k.LoginType == LoginType.Password && k.Id != except);
}

using AIBridge.Domain.ApiKeys;

namespace AIBridge.Application.ApiKeys;

public interface IApiKeyRepository
{
    void Add(ApiKey key);

    Task<ApiKeyCredential?> FindCredentialAsync(string id, CancellationToken cancellationToken);

    Task<bool> TokenNameExistsAsync(Guid userId, string tokenName, CancellationToken cancellationToken);

    /// <summary>The user's named tokens (not login sessions), by (created_at, id).</summary>
    Task<IReadOnlyList<ApiKeyDto>> ListTokensAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Deletes the key if it belongs to the user; false otherwise.</summary>
    Task<bool> DeleteAsync(Guid userId, string id, CancellationToken cancellationToken);

    /// <summary>Deletes the user's login sessions except <paramref name="except"/>; returns the ids deleted.</summary>
    Task<IReadOnlyList<string>> DeleteLoginSessionsAsync(Guid userId, string? except, CancellationToken cancellationToken);

    /// <summary>Records use of a key: <c>api_keys.last_used</c> and <c>users.last_seen_at</c>.</summary>
    Task TouchAsync(string id, Guid userId, DateTime now, CancellationToken cancellationToken);
}

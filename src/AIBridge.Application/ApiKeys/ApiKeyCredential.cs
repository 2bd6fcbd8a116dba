namespace AIBridge.Application.ApiKeys;

/// <summary>What authentication needs to know of a key and its user, read in one query.</summary>
public sealed record ApiKeyCredential(
    string Id,
    byte[] HashedSecret,
    DateTime ExpiresAt,
    DateTime? LastUsed,
    Guid UserId,
    string Username,
    string UserStatus,
    IReadOnlyList<string> Roles);

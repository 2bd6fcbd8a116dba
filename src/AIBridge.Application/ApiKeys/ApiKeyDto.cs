namespace AIBridge.Application.ApiKeys;

/// <summary>codersdk <c>APIKey</c>. <see cref="LastUsed"/> is 0001-01-01T00:00:00Z until first use.</summary>
public sealed record ApiKeyDto(
    string Id,
    Guid UserId,
    string Username,
    string TokenName,
    string LoginType,
    string Scope,
    long LifetimeSeconds,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime ExpiresAt,
    DateTime LastUsed);

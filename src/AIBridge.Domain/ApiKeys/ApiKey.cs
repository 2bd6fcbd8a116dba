using AIBridge.Domain.Common;

namespace AIBridge.Domain.ApiKeys;

/// <summary>
/// A credential of a user. Only the SHA-256 of the secret is kept; the secret is shown once.
/// </summary>
public sealed class ApiKey
{
    private ApiKey()
    {
    }

    public string Id { get; private set; } = "";

    public byte[] HashedSecret { get; private set; } = [];

    public Guid UserId { get; private set; }

    public Users.User User { get; private set; } = null!;

    public string LoginType { get; private set; } = ApiKeys.LoginType.Token;

    /// <summary>Unique per user among tokens; NULL for login sessions.</summary>
    public string? TokenName { get; private set; }

    public long LifetimeSeconds { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>NULL until first use.</summary>
    public DateTime? LastUsed { get; private set; }

    public static ApiKey Issue(ApiKeyToken token, Guid userId, string loginType, string? tokenName, TimeSpan lifetime, DateTime now)
    {
        now = Timestamp.Normalize(now);
        return new ApiKey
        {
            Id = token.Id,
            HashedSecret = ApiKeyToken.HashSecret(token.Secret),
            UserId = userId,
            LoginType = loginType,
            TokenName = tokenName,
            LifetimeSeconds = (long)lifetime.TotalSeconds,
            ExpiresAt = Timestamp.Normalize(now + lifetime),
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}

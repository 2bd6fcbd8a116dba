using AIBridge.Domain.Common;

namespace AIBridge.Domain.Users;

/// <summary>An AIBridge user. Users are never hard-deleted, so every interception keeps its initiator.</summary>
public sealed class User
{
    private User()
    {
    }

    public Guid Id { get; private set; }

    public string Username { get; private set; } = "";

    /// <summary>Lower-cased <see cref="Username"/>: uniqueness and look-ups are case-insensitive on every database.</summary>
    public string NormalizedUsername { get; private set; } = "";

    public string Email { get; private set; } = "";

    public string NormalizedEmail { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string AvatarUrl { get; private set; } = "";

    public string HashedPassword { get; private set; } = "";

    public string Status { get; private set; } = UserStatus.Active;

    /// <summary>Site roles, sorted and without duplicates.</summary>
    public IReadOnlyList<string> Roles { get; private set; } = [];

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime LastSeenAt { get; private set; }

    public bool IsOwner => Roles.Contains(SiteRole.Owner);

    public static User Create(string username, string email, string name, string hashedPassword, IEnumerable<string> roles, DateTime now)
    {
        now = Timestamp.Normalize(now);
        var user = new User
        {
            Id = Guid.NewGuid(),
            Username = username,
            NormalizedUsername = NormalizeUsername(username),
            Email = email,
            NormalizedEmail = NormalizeEmail(email),
            Name = name,
            HashedPassword = hashedPassword,
            CreatedAt = now,
            UpdatedAt = now,
            LastSeenAt = now,
        };
        user.Roles = CanonicalRoles(roles);
        return user;
    }

    public static string NormalizeUsername(string username) => username.ToLowerInvariant();

    public static string NormalizeEmail(string email) => email.ToLowerInvariant();

    public void ReplaceRoles(IEnumerable<string> roles, DateTime now)
    {
        var canonical = CanonicalRoles(roles);
        if (canonical.Any(r => !SiteRole.IsKnown(r)))
        {
            throw new ArgumentException("Unknown site role.", nameof(roles));
        }

        Roles = canonical;
        UpdatedAt = Timestamp.Normalize(now);
    }

    public void SetStatus(string status, DateTime now)
    {
        if (!UserStatus.All.Contains(status))
        {
            throw new ArgumentException("Unknown user status.", nameof(status));
        }

        Status = status;
        UpdatedAt = Timestamp.Normalize(now);
    }

    public void ChangePassword(string hashedPassword, DateTime now)
    {
        HashedPassword = hashedPassword;
        UpdatedAt = Timestamp.Normalize(now);
    }

    public void MarkSeen(DateTime now) => LastSeenAt = Timestamp.Normalize(now);

    private static string[] CanonicalRoles(IEnumerable<string> roles) =>
        roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}

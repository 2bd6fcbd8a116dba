using AIBridge.Domain.Users;

namespace AIBridge.Application.Users;

/// <summary>codersdk <c>User</c>.</summary>
public sealed record UserDto(
    Guid Id,
    string Username,
    string Email,
    string Name,
    string AvatarUrl,
    string Status,
    IReadOnlyList<RoleDto> Roles,
    DateTime CreatedAt,
    DateTime LastSeenAt)
{
    public static UserDto From(User user) => new(
        user.Id,
        user.Username,
        user.Email,
        user.Name,
        user.AvatarUrl,
        user.Status,
        user.Roles.Select(r => new RoleDto(r, SiteRole.DisplayName(r))).ToArray(),
        user.CreatedAt,
        user.LastSeenAt);
}

public sealed record RoleDto(string Name, string DisplayName);

using System.Text.Json;

namespace AIBridge.Web.Contracts;

// Request bodies as sent. Every member is optional here: missing fields are reported by the
// validators with the API's own messages, not by model binding.

public sealed record CreateUserRequest(string? Email, string? Username, string? Password, string? Name);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record UpdateRolesRequest(IReadOnlyList<string>? Roles);

/// <summary><c>lifetime</c> is a Go duration string or a number of seconds.</summary>
public sealed record CreateTokenRequest(string? TokenName, JsonElement? Lifetime);

public sealed record ChangePasswordRequest(string? OldPassword, string? Password);

public sealed record CreateFirstUserResponse(Guid UserId);

public sealed record MessageResponse(string Message);

public sealed record LoginResponse(string SessionToken);

public sealed record CreateTokenResponse(string Key);

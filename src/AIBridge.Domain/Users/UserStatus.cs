namespace AIBridge.Domain.Users;

public static class UserStatus
{
    public const string Active = "active";

    /// <summary>Signed out everywhere: none of the user's tokens authenticates, on the API or the gateway.</summary>
    public const string Suspended = "suspended";

    public static IReadOnlyList<string> All { get; } = [Active, Suspended];
}

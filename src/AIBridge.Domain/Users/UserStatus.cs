namespace AIBridge.Domain.Users;

public static class UserStatus
{
    /// <summary>The only status today; authentication still checks it so suspension can be added.</summary>
    public const string Active = "active";
}

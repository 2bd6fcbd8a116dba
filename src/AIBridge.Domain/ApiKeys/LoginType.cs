namespace AIBridge.Domain.ApiKeys;

public static class LoginType
{
    /// <summary>A session created by <c>POST /users/login</c>.</summary>
    public const string Password = "password";

    /// <summary>A named, long-lived token created by <c>POST /users/{user}/keys/tokens</c>.</summary>
    public const string Token = "token";
}

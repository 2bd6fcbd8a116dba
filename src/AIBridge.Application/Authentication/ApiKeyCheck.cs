using System.Globalization;
using AIBridge.Application.ApiKeys;
using AIBridge.Domain.ApiKeys;
using AIBridge.Domain.Users;

namespace AIBridge.Application.Authentication;

/// <summary>The checks after the key is found: secret hash (constant time), expiry, user status.</summary>
public static class ApiKeyCheck
{
    /// <returns>Why the token is refused, or null when it is good.</returns>
    public static AuthenticationFailure? Verify(ApiKeyToken token, ApiKeyCredential key, DateTime now)
    {
        if (!token.Matches(key.HashedSecret))
        {
            return AuthenticationFailure.Because("API key secret is invalid.");
        }

        if (key.ExpiresAt <= now)
        {
            var expiredAt = key.ExpiresAt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFK", CultureInfo.InvariantCulture);
            return AuthenticationFailure.Because($"API key expired at \"{expiredAt}\".");
        }

        return key.UserStatus != UserStatus.Active ? AuthenticationFailure.Inactive(key.UserStatus) : null;
    }
}

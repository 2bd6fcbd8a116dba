using AIBridge.Application.ApiKeys;
using AIBridge.Application.Common.Security;
using AIBridge.Domain.ApiKeys;

namespace AIBridge.Application.Authentication;

/// <summary>Validates an AIBridge token: format, id, secret hash (constant time), expiry, user status.</summary>
public sealed class ApiKeyAuthenticator(IApiKeyRepository keys, TimeProvider clock)
{
    /// <summary>Use is recorded at most this often per key, so reads do not turn into writes.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromHours(1);

    public async Task<AuthenticationResult> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (!ApiKeyToken.TryParse(token, out var parsed, out var formatError))
        {
            return AuthenticationResult.Fail(AuthenticationFailure.Because(formatError!));
        }

        var credential = await keys.FindCredentialAsync(parsed!.Id, cancellationToken);
        if (credential is null)
        {
            return AuthenticationResult.Fail(AuthenticationFailure.Because("API key is invalid."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (ApiKeyCheck.Verify(parsed, credential, now) is { } failure)
        {
            return AuthenticationResult.Fail(failure, credential);
        }

        if (credential.LastUsed is null || now - credential.LastUsed.Value >= TouchInterval)
        {
            await keys.TouchAsync(credential.Id, credential.UserId, now, cancellationToken);
        }

        return AuthenticationResult.Success(new Actor(credential.UserId, credential.Username, credential.Roles, credential.Id));
    }
}

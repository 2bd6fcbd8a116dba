using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Users;
using AIBridge.Domain.Users;

namespace AIBridge.Application.ApiKeys;

/// <summary>A user manages their own tokens; an owner manages anyone's.</summary>
public sealed class TokenAccess(UserLookup lookup)
{
    public async Task<User> ResolveOwnerAsync(string userReference, Actor caller, CancellationToken cancellationToken)
    {
        var user = await lookup.ResolveAsync(userReference, caller, cancellationToken);
        if (user.Id != caller.UserId && !caller.IsOwner)
        {
            throw AppException.Forbidden();
        }

        return user;
    }
}

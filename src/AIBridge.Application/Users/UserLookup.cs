using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Security;
using AIBridge.Domain.Users;

namespace AIBridge.Application.Users;

/// <summary>Resolves the <c>{user}</c> path parameter: <c>me</c>, a user id, or a username.</summary>
public sealed class UserLookup(IUserRepository users)
{
    public async Task<User> ResolveAsync(string reference, Actor caller, CancellationToken cancellationToken)
    {
        User? user;
        if (string.Equals(reference, "me", StringComparison.OrdinalIgnoreCase))
        {
            user = await users.FindByIdAsync(caller.UserId, cancellationToken);
        }
        else if (Guid.TryParse(reference, out var id))
        {
            user = await users.FindByIdAsync(id, cancellationToken);
        }
        else
        {
            user = await users.FindByUsernameAsync(reference, cancellationToken);
        }

        return user ?? throw AppException.BadRequest(Messages.UnknownUser);
    }
}

using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Security;
using Mediator;

namespace AIBridge.Application.Users.Queries.GetCurrentUser;

public sealed record GetCurrentUserQuery(Actor Caller) : IQuery<UserDto>;

public sealed class GetCurrentUserQueryHandler(IUserRepository users) : IQueryHandler<GetCurrentUserQuery, UserDto>
{
    public async ValueTask<UserDto> Handle(GetCurrentUserQuery query, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(query.Caller.UserId, cancellationToken)
            ?? throw AppException.NotFound("User not found.");
        return UserDto.From(user);
    }
}

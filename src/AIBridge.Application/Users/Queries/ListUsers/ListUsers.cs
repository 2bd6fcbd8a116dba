using AIBridge.Application.Common.Authorization;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Querying;
using AIBridge.Application.Common.Security;
using AIBridge.Domain.Users;
using Mediator;

namespace AIBridge.Application.Users.Queries.ListUsers;

/// <summary>
/// Users by username, as Coder lists them. <c>q</c>: <c>username:</c>, <c>email:</c> (exact,
/// case-insensitive), <c>status:active|suspended</c>, <c>role:owner|auditor</c>, and bare words, which
/// match part of a username or e-mail.
/// </summary>
public sealed record ListUsersQuery(Actor Caller, QueryParameters Query) : IQuery<UsersPage>, IAuthorizedMessage
{
    public AppException? Authorize() => Caller.CanReadInterceptions ? null : AppException.Forbidden();
}

/// <summary><c>count</c> ignores the page.</summary>
public sealed record UsersPage(IReadOnlyList<UserDto> Users, long Count);

public sealed record UserFilter(string? Search, string? Username, string? Email, string? Status, string? Role);

public sealed class ListUsersQueryHandler(IUserRepository users) : IQueryHandler<ListUsersQuery, UsersPage>
{
    private static readonly string[] Keys = ["search", "username", "email", "status", "role"];

    public async ValueTask<UsersPage> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var page = Pagination.Parse(query.Query, errors);
        var search = SearchQuery.Parse(Pagination.OneValue(query.Query, "q", errors), Keys, "search", errors);
        if (search["status"] is { } status && !UserStatus.All.Contains(status.ToLowerInvariant()))
        {
            errors.Add(new ValidationError("status", $"Query param \"status\" has invalid value: \"{status}\" must be one of {string.Join(", ", UserStatus.All)}"));
        }

        if (search["role"] is { } role && !SiteRole.IsKnown(role.ToLowerInvariant()))
        {
            errors.Add(new ValidationError("role", $"Query param \"role\" has invalid value: \"{role}\" must be one of {string.Join(", ", SiteRole.All)}"));
        }

        if (page is not null && page.Limit is < 0 or > Pagination.MaxLimit)
        {
            errors.Add(new ValidationError("limit", $"Query param \"limit\" must be between 0 and {Pagination.MaxLimit}"));
        }

        if (errors.Count > 0 || page is null)
        {
            throw AppException.BadRequest("Invalid user search query.", validations: errors);
        }

        // The users table is small: the role, kept as a JSON list, is matched here rather than in SQL.
        var filter = new UserFilter(search["search"], search["username"], search["email"], search["status"]?.ToLowerInvariant(), search["role"]?.ToLowerInvariant());
        var matching = (await users.ListAsync(filter, cancellationToken)).Where(u => filter.Role is not { } r || u.Roles.Contains(r)).ToList();
        var start = page.AfterId is { } afterId ? matching.FindIndex(u => u.Id == afterId) + 1 : 0;
        if (page.AfterId is not null && start == 0)
        {
            throw AppException.BadRequest(Pagination.InvalidValues, validations: [new ValidationError("after_id", $"User \"{page.AfterId}\" was not found in the list")]);
        }

        var results = matching.Skip(start + page.Offset).Take(page.Limit).Select(UserDto.From).ToList();
        return new UsersPage(results, matching.Count);
    }
}

using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Users;
using Mediator;

namespace AIBridge.Application.Budgets.Queries.GetBudget;

/// <summary>`GET /api/v2/users/{user}/budget`: owners and auditors read anyone's, a member their own.</summary>
public sealed record GetBudgetQuery(Actor Caller, string User) : IQuery<BudgetDto>;

public sealed class GetBudgetQueryHandler(UserLookup lookup, BudgetReader reader) : IQueryHandler<GetBudgetQuery, BudgetDto>
{
    public async ValueTask<BudgetDto> Handle(GetBudgetQuery query, CancellationToken cancellationToken)
    {
        var user = await lookup.ResolveAsync(query.User, query.Caller, cancellationToken);
        if (user.Id != query.Caller.UserId && !query.Caller.CanReadInterceptions)
        {
            throw AppException.Forbidden("You can only see your own budget.", null);
        }

        return await reader.ReadAsync(user.Id, cancellationToken);
    }
}

using AIBridge.Application.Common.Authorization;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Interfaces;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Users;
using AIBridge.Domain.Budgets;
using AIBridge.Domain.Common;
using Mediator;

namespace AIBridge.Application.Budgets.Commands.SetBudget;

/// <summary>`PUT /api/v2/users/{user}/budget`: sets a user's own monthly limit, in force at once. Owners only.</summary>
public sealed record SetBudgetCommand(Actor Caller, string User, long? MonthlyLimitMicros) : ICommand<BudgetDto>, IAuthorizedMessage
{
    public AppException? Authorize() => Caller.IsOwner ? null : AppException.Forbidden();
}

public sealed class SetBudgetCommandHandler(
    UserLookup lookup, IBudgetRepository budgets, IUnitOfWork unitOfWork, BudgetLedger ledger, BudgetReader reader, TimeProvider clock)
    : ICommandHandler<SetBudgetCommand, BudgetDto>
{
    public async ValueTask<BudgetDto> Handle(SetBudgetCommand command, CancellationToken cancellationToken)
    {
        var user = await lookup.ResolveAsync(command.User, command.Caller, cancellationToken);
        var budget = await budgets.FindAsync(user.Id, cancellationToken);
        if (budget is null)
        {
            budget = new UserBudget { UserId = user.Id };
            budgets.Add(budget);
        }

        budget.MonthlyLimitMicros = command.MonthlyLimitMicros!.Value;
        budget.UpdatedAt = Timestamp.Now(clock);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        ledger.Forget(user.Id);
        return await reader.ReadAsync(user.Id, cancellationToken);
    }
}

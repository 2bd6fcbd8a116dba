using AIBridge.Application.Common.Authorization;
using AIBridge.Application.Common.Exceptions;
using AIBridge.Application.Common.Interfaces;
using AIBridge.Application.Common.Security;
using AIBridge.Application.Users;
using Mediator;

namespace AIBridge.Application.Budgets.Commands.DeleteBudget;

/// <summary>
/// `DELETE /api/v2/users/{user}/budget`: removes a user's own limit; the configured default, if any,
/// applies again. Owners only.
/// </summary>
public sealed record DeleteBudgetCommand(Actor Caller, string User) : ICommand, IAuthorizedMessage
{
    public AppException? Authorize() => Caller.IsOwner ? null : AppException.Forbidden();
}

public sealed class DeleteBudgetCommandHandler(UserLookup lookup, IBudgetRepository budgets, IUnitOfWork unitOfWork, BudgetLedger ledger)
    : ICommandHandler<DeleteBudgetCommand>
{
    public async ValueTask<Unit> Handle(DeleteBudgetCommand command, CancellationToken cancellationToken)
    {
        var user = await lookup.ResolveAsync(command.User, command.Caller, cancellationToken);
        var budget = await budgets.FindAsync(user.Id, cancellationToken)
            ?? throw AppException.NotFound($"User \"{user.Username}\" has no budget of their own.");
        budgets.Remove(budget);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        ledger.Forget(user.Id);
        return Unit.Value;
    }
}

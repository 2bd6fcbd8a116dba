using AIBridge.Application.Budgets;
using AIBridge.Application.Budgets.Commands.DeleteBudget;
using AIBridge.Application.Budgets.Commands.SetBudget;
using AIBridge.Application.Budgets.Queries.GetBudget;
using AIBridge.Web.Contracts;
using AIBridge.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AIBridge.Web.Controllers;

/// <summary>
/// A user's monthly budget (UTC calendar month, micro-USD). Once it is spent, their bridged requests are
/// refused with 429 until the month ends.
/// </summary>
[Route("api/v2/users/{user}/budget")]
public sealed class BudgetsController : ApiControllerBase
{
    /// <summary>The limit in force, what was spent and is reserved this month, and what remains. Owners and auditors; a member for themselves.</summary>
    [HttpGet]
    [ProducesResponseType<BudgetDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<BudgetDto>> Get(string user, CancellationToken cancellationToken) =>
        await Sender.Send(new GetBudgetQuery(Caller, user), cancellationToken);

    /// <summary>Sets the user's own monthly limit, in force at once. Owners only.</summary>
    [HttpPut]
    [ProducesResponseType<BudgetDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<BudgetDto>> Set(string user, SetBudgetRequest request, CancellationToken cancellationToken) =>
        await Sender.Send(new SetBudgetCommand(Caller, user, request.MonthlyLimitMicros), cancellationToken);

    /// <summary>Removes the user's own limit; the configured default, if any, applies again. Owners only.</summary>
    [HttpDelete]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ErrorResponse>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Delete(string user, CancellationToken cancellationToken)
    {
        await Sender.Send(new DeleteBudgetCommand(Caller, user), cancellationToken);
        return NoContent();
    }
}

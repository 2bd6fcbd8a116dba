using AIBridge.Application.Common.Validation;
using FluentValidation;

namespace AIBridge.Application.Budgets.Commands.SetBudget;

internal sealed class SetBudgetValidator : RequestValidator<SetBudgetCommand>
{
    /// <summary>A billion dollars a month: far above any budget, far below an overflow of the spend sums.</summary>
    public const long MaxLimit = 1_000_000_000_000_000;

    public SetBudgetValidator()
    {
        RuleFor(c => c.MonthlyLimitMicros).NotNull().InclusiveBetween(0, MaxLimit);
    }
}

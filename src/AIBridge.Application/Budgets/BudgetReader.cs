using AIBridge.Domain.Budgets;

namespace AIBridge.Application.Budgets;

/// <summary>A user's budget as the API shows it, read from the database now.</summary>
public sealed class BudgetReader(IBudgetRepository budgets, BudgetOptions options, TimeProvider clock)
{
    public async Task<BudgetDto> ReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var period = BudgetPeriod.Of(now);
        var own = await budgets.FindAsync(userId, cancellationToken);
        var spend = await budgets.SpendAsync(userId, period, BudgetOptions.ReservationsFrom(now), cancellationToken);
        return BudgetDto.Of(userId, own, options.DefaultMonthlyLimitMicros, spend, period);
    }
}

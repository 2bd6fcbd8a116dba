namespace AIBridge.Web.Contracts;

/// <summary>The body of <c>PUT /api/v2/users/{user}/budget</c>: the monthly limit in micro-USD (<c>50000000</c> is $50).</summary>
public sealed record SetBudgetRequest(long? MonthlyLimitMicros);

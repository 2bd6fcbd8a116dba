using AIBridge.Domain.Pricing;

namespace AIBridge.Application.Budgets;

/// <summary>
/// The most a request can cost before its answer says what it did: every byte of its body an input token
/// in four, and its maximum output.
/// </summary>
public static class ReservationEstimate
{
    public const int BytesPerToken = 4;

    /// <summary>Zero when the model has no input or output price: its usage will cost nothing either.</summary>
    public static long Micros(ModelPrice? price, long bodyBytes, long maxOutputTokens) =>
        TokenCost.Micros(price, new TokenCounts(bodyBytes / BytesPerToken, maxOutputTokens, 0, 0)) ?? 0;
}

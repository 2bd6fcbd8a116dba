using AIBridge.Application.Gateway.Errors;

namespace AIBridge.Application.Gateway.Limits;

/// <summary>Why a request was refused before the upstream call, and the answer that says so.</summary>
/// <param name="Reason"><c>rate</c> or <c>concurrency</c>, as <c>aibridge_rate_limited_total</c> counts it.</param>
/// <param name="Error">The answer, with when asking again can succeed.</param>
public sealed record LimitRefusal(string Reason, GatewayError Error);

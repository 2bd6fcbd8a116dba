namespace AIBridge.Application.Gateway.Limits;

/// <summary>Why a request was refused before the upstream call, and when asking again can succeed.</summary>
/// <param name="Reason"><c>rate</c> or <c>concurrency</c>, as <c>aibridge_rate_limited_total</c> counts it.</param>
public sealed record LimitRefusal(string Reason, string Message, long RetryAfterSeconds);

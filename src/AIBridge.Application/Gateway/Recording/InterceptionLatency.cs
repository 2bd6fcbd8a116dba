namespace AIBridge.Application.Gateway.Recording;

/// <summary>An exchange's timings, in whole milliseconds from the gateway's receipt of the request.</summary>
/// <param name="TtfbMs">Until the provider's response headers; null when none came.</param>
/// <param name="DurationMs">Until the last byte was relayed to the client, or the exchange ended otherwise.</param>
public sealed record InterceptionLatency(int? TtfbMs, int DurationMs)
{
    public static int Milliseconds(TimeSpan elapsed) => (int)Math.Min(int.MaxValue, Math.Round(elapsed.TotalMilliseconds));
}

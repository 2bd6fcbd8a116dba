using AIBridge.Application.Gateway.Requests;
using AIBridge.Domain.Interceptions;
using AIBridge.Domain.Usage;

namespace AIBridge.Application.Gateway.Recording;

/// <summary>The hourly usage row an interception and everything recorded about it add to.</summary>
public sealed record UsageKey(long Hour, Guid InitiatorId, string Provider, string ProviderName, string Model, string Client)
{
    public static UsageKey Of(Interception interception) => new(
        UsageHours.Of(interception.StartedAt), interception.InitiatorId, interception.Provider, interception.ProviderName, interception.Model,
        interception.Client ?? ClientDetector.Unknown);
}

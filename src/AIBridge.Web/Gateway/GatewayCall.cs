using AIBridge.Application.Common.Security;
using AIBridge.Application.Gateway.Credentials;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Application.Gateway.Routing;

namespace AIBridge.Web.Gateway;

/// <summary>A request the gateway accepted: its provider and route, the caller's credentials and user.</summary>
/// <param name="CorrelationId">The client's governance request id, logged with the interception.</param>
public sealed record GatewayCall(ProviderInstance Provider, GatewayRoute Route, CallerCredentials Caller, Actor Actor, string CorrelationId)
{
    /// <summary>The wire family of this call: its errors' format, and the <c>provider</c> it is recorded under.</summary>
    public ProviderType Family { get; } = Route.Family(Provider.Type);
}

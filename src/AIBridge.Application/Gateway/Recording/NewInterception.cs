using AIBridge.Application.Common.Security;
using AIBridge.Application.Gateway.Credentials;
using AIBridge.Application.Gateway.Providers;
using AIBridge.Application.Gateway.Recovery;
using AIBridge.Application.Gateway.Requests;
using AIBridge.Domain.Common;
using AIBridge.Domain.Interceptions;

namespace AIBridge.Application.Gateway.Recording;

/// <summary>
/// The row a bridged request starts: who sent it, through which provider and credential, as what client
/// and session. Lineage (<c>thread_*</c>, <c>session_id</c>) is the writer's to resolve.
/// </summary>
public static class NewInterception
{
    /// <param name="family">The call's wire family, stored as <c>provider</c>.</param>
    public static Interception For(ProviderInstance provider, ProviderType family, Actor actor, BridgedRequest request, UpstreamCredential credential, string userAgent,
        GatewayInstance instance, DateTime now) => new()
    {
        Id = RecordId.New(now),
        InitiatorId = actor.UserId,
        ApiKeyId = actor.ApiKeyId,
        Provider = family.Name(),
        ProviderName = provider.Name,
        Model = RecordedText.Clean(RecordedText.Cut(request.Model, Interception.ModelMaxLength))!,
        Client = RecordedText.Cut(request.Client, Interception.ClientMaxLength),
        ClientSessionId = RecordedText.Clean(RecordedText.Cut(request.ClientSessionId, Interception.ClientSessionIdMaxLength)),
        Metadata = InterceptionMetadata.Start(userAgent, provider.Kind),
        CredentialKind = credential.Kind,
        CredentialHint = credential.Hint,
        StartedAt = now,
        GatewayInstance = instance.Name,
        SystemHash = request.SystemHash,
        ToolsHash = request.ToolsHash,
    };
}

using AIBridge.Domain.Users;

namespace AIBridge.Application.Common.Security;

/// <summary>The authenticated caller: whose token made the request, and what it may do.</summary>
public sealed record Actor(Guid UserId, string Username, IReadOnlyList<string> Roles, string ApiKeyId)
{
    public bool IsOwner => Roles.Contains(SiteRole.Owner);

    /// <summary>Owners and auditors read every interception; members read none, not even their own.</summary>
    public bool CanReadInterceptions => IsOwner || Roles.Contains(SiteRole.Auditor);
}

namespace AIBridge.Application.Audit.Dtos;

/// <summary>codersdk <c>MinimalUser</c>: the <c>initiator</c> of interceptions and sessions.</summary>
public sealed record MinimalUserDto
{
    public required Guid Id { get; init; }

    public required string Username { get; init; }

    public required string Name { get; init; }

    public required string AvatarUrl { get; init; }
}

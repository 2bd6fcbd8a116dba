namespace AIBridge.Domain.Interceptions;

/// <summary>The human prompt of an interception (at most one).</summary>
public sealed class UserPrompt
{
    public Guid Id { get; set; }

    public Guid InterceptionId { get; set; }

    public string ProviderResponseId { get; set; } = "";

    public string Prompt { get; set; } = "";

    public string? Metadata { get; set; }

    public DateTime CreatedAt { get; set; }
}

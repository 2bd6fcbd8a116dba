namespace AIBridge.Domain.Interceptions;

/// <summary>Thinking, a reasoning summary or commentary of the model.</summary>
public sealed class ModelThought
{
    public Guid Id { get; set; }

    public Guid InterceptionId { get; set; }

    public string Content { get; set; } = "";

    /// <summary>JSON object: <c>{"source": "thinking" | "reasoning_summary" | "commentary"}</c>.</summary>
    public string? Metadata { get; set; }

    public DateTime CreatedAt { get; set; }
}

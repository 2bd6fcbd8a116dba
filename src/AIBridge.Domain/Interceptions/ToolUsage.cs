namespace AIBridge.Domain.Interceptions;

/// <summary>A tool call the model made.</summary>
public sealed class ToolUsage
{
    public Guid Id { get; set; }

    public Guid InterceptionId { get; set; }

    public string ProviderResponseId { get; set; } = "";

    /// <summary>The provider's call id (<c>toolu_…</c>, <c>call_…</c>), used for thread lineage.</summary>
    public string? ProviderToolCallId { get; set; }

    /// <summary>Responses API output item id.</summary>
    public string? ProviderItemId { get; set; }

    /// <summary>MCP server of an injected tool; NULL for client tools.</summary>
    public string? ServerUrl { get; set; }

    public string Tool { get; set; } = "";

    /// <summary>Arguments as JSON text.</summary>
    public string Input { get; set; } = "{}";

    public bool Injected { get; set; }

    public string? InvocationError { get; set; }

    public string? Metadata { get; set; }

    public DateTime CreatedAt { get; set; }
}

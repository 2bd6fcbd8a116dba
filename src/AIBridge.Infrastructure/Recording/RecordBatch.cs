using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Interceptions;

namespace AIBridge.Infrastructure.Recording;

/// <summary>The rows of one batch, by table, folded from its records by <see cref="RecordFold"/>.</summary>
internal sealed class RecordBatch
{
    public List<Interception> Interceptions { get; } = [];

    public List<TokenUsage> TokenUsages { get; } = [];

    public List<UserPrompt> UserPrompts { get; } = [];

    public List<ToolUsage> ToolUsages { get; } = [];

    public List<ModelThought> ModelThoughts { get; } = [];

    /// <summary>Ends of interceptions not in this batch (the others' ends are applied to their rows).</summary>
    public List<InterceptionEnded> Ends { get; } = [];

    /// <summary>What the batch adds to the hourly usage roll-up.</summary>
    public UsageRollup Usage { get; } = new();

    /// <summary>The latest use of each token in the batch.</summary>
    public Dictionary<string, ApiKeyUsed> Touches { get; } = new(StringComparer.Ordinal);
}

using System.Text.Json.Serialization;
using AIBridge.Application.Common.Json;

namespace AIBridge.Application.Audit.Dtos;

/// <summary>codersdk <c>AIBridgeSession</c>: one (session id, initiator) group.</summary>
public sealed record SessionDto
{
    public required string Id { get; init; }

    public required MinimalUserDto Initiator { get; init; }

    public required IReadOnlyList<string> Providers { get; init; }

    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>Present even when null.</summary>
    public required string? Client { get; init; }

    [JsonConverter(typeof(JsonObjectTextConverter))]
    public required string? Metadata { get; init; }

    public required DateTime StartedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required DateTime? EndedAt { get; init; }

    public required long Threads { get; init; }

    public required TokenCounts TokenUsageSummary { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required string? LastPrompt { get; init; }

    public required DateTime LastActiveAt { get; init; }
}

/// <summary>The four token sums of a session or thread.</summary>
public record TokenCounts
{
    public static TokenCounts Zero { get; } = new();

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public long CacheReadInputTokens { get; init; }

    public long CacheWriteInputTokens { get; init; }
}

/// <summary><c>GET /sessions</c>: <c>count</c> is the number of groups, whatever the page.</summary>
public sealed record SessionsPage(long Count, IReadOnlyList<SessionDto> Sessions);

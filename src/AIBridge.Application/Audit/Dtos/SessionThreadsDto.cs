using System.Text.Json.Serialization;
using AIBridge.Application.Common.Json;

namespace AIBridge.Application.Audit.Dtos;

/// <summary>codersdk <c>AIBridgeSessionThreadsResponse</c>: a session expanded into a page of threads.</summary>
public sealed record SessionThreadsDto
{
    public required string Id { get; init; }

    public required MinimalUserDto Initiator { get; init; }

    public required IReadOnlyList<string> Providers { get; init; }

    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>Omitted when null, unlike the session list.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required string? Client { get; init; }

    [JsonConverter(typeof(JsonObjectTextConverter))]
    public required string? Metadata { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required DateTime? PageStartedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required DateTime? PageEndedAt { get; init; }

    public required DateTime StartedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required DateTime? EndedAt { get; init; }

    public required TokenUsageSummaryDto TokenUsageSummary { get; init; }

    public required IReadOnlyList<ThreadDto> Threads { get; init; }
}

/// <summary>Token sums plus the aggregated provider counters of their usages (keys sorted, never null).</summary>
public sealed record TokenUsageSummaryDto : TokenCounts
{
    public required IReadOnlyDictionary<string, long> Metadata { get; init; }
}

/// <summary>One human prompt and its agentic tool loop.</summary>
public sealed record ThreadDto
{
    public required Guid Id { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required string? Prompt { get; init; }

    public required string Model { get; init; }

    public required string Provider { get; init; }

    public required string CredentialKind { get; init; }

    public required string CredentialHint { get; init; }

    public required DateTime StartedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public required DateTime? EndedAt { get; init; }

    /// <summary>The status AIBridge sent for the thread's last interception (null when it sent none). An extension of Coder's shape.</summary>
    public required int? StatusCode { get; init; }

    /// <summary>Why the thread's last interception failed; null when it completed. An extension of Coder's shape.</summary>
    public required InterceptionErrorDto? Error { get; init; }

    public required TokenUsageSummaryDto TokenUsage { get; init; }

    public required IReadOnlyList<AgenticActionDto> AgenticActions { get; init; }
}

/// <summary>One interception of a thread that called tools.</summary>
public sealed record AgenticActionDto
{
    public required string Model { get; init; }

    public required TokenUsageSummaryDto TokenUsage { get; init; }

    public required IReadOnlyList<ThinkingDto> Thinking { get; init; }

    public required IReadOnlyList<ToolCallDto> ToolCalls { get; init; }
}

public sealed record ThinkingDto(string Text);

/// <summary>A tool usage as shown in a thread (no <c>invocation_error</c>, unlike <see cref="ToolUsageDto"/>).</summary>
public sealed record ToolCallDto
{
    public required Guid Id { get; init; }

    public required Guid InterceptionId { get; init; }

    public required string ProviderResponseId { get; init; }

    public required string ServerUrl { get; init; }

    public required string Tool { get; init; }

    public required bool Injected { get; init; }

    public required string Input { get; init; }

    [JsonConverter(typeof(JsonObjectTextConverter))]
    public required string? Metadata { get; init; }

    public required DateTime CreatedAt { get; init; }
}

using System.Text.Json.Serialization;
using AIBridge.Application.Common.Json;

namespace AIBridge.Application.Audit.Dtos;

/// <summary>codersdk <c>AIBridgeInterception</c> (read API §7). Credentials, session and thread ids and thoughts are not exposed.</summary>
public sealed record InterceptionDto
{
    public required Guid Id { get; init; }

    public required string? ApiKeyId { get; init; }

    public required MinimalUserDto Initiator { get; init; }

    public required string Provider { get; init; }

    public required string ProviderName { get; init; }

    public required string Model { get; init; }

    /// <summary>The raw column: NULL stays null, not "Unknown".</summary>
    public required string? Client { get; init; }

    [JsonConverter(typeof(JsonObjectTextConverter))]
    public required string? Metadata { get; init; }

    public required DateTime StartedAt { get; init; }

    public required DateTime? EndedAt { get; init; }

    public IReadOnlyList<TokenUsageDto> TokenUsages { get; init; } = [];

    public IReadOnlyList<UserPromptDto> UserPrompts { get; init; } = [];

    public IReadOnlyList<ToolUsageDto> ToolUsages { get; init; } = [];
}

public sealed record TokenUsageDto
{
    public required Guid Id { get; init; }

    public required Guid InterceptionId { get; init; }

    public required string ProviderResponseId { get; init; }

    public required long InputTokens { get; init; }

    public required long OutputTokens { get; init; }

    public required long CacheReadInputTokens { get; init; }

    public required long CacheWriteInputTokens { get; init; }

    [JsonConverter(typeof(JsonObjectTextConverter))]
    public required string? Metadata { get; init; }

    public required DateTime CreatedAt { get; init; }
}

public sealed record UserPromptDto
{
    public required Guid Id { get; init; }

    public required Guid InterceptionId { get; init; }

    public required string ProviderResponseId { get; init; }

    public required string Prompt { get; init; }

    [JsonConverter(typeof(JsonObjectTextConverter))]
    public required string? Metadata { get; init; }

    public required DateTime CreatedAt { get; init; }
}

public sealed record ToolUsageDto
{
    public required Guid Id { get; init; }

    public required Guid InterceptionId { get; init; }

    public required string ProviderResponseId { get; init; }

    /// <summary>"" for a client tool (NULL column).</summary>
    public required string ServerUrl { get; init; }

    public required string Tool { get; init; }

    public required string Input { get; init; }

    public required bool Injected { get; init; }

    /// <summary>"" when the call did not fail (NULL column).</summary>
    public required string InvocationError { get; init; }

    [JsonConverter(typeof(JsonObjectTextConverter))]
    public required string? Metadata { get; init; }

    public required DateTime CreatedAt { get; init; }
}

/// <summary><c>GET /interceptions</c>: <c>count</c> ignores limit, offset and cursor.</summary>
public sealed record InterceptionsPage(long Count, IReadOnlyList<InterceptionDto> Results);

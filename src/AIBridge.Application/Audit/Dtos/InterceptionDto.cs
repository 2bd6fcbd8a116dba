using System.Text.Json.Serialization;
using AIBridge.Application.Common.Json;

namespace AIBridge.Application.Audit.Dtos;

/// <summary>codersdk <c>AIBridgeInterception</c>. Credentials, session and thread ids and thoughts are not exposed.</summary>
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

    /// <summary>The HTTP status AIBridge sent to the client; null when it sent none. An extension of Coder's shape.</summary>
    public required int? StatusCode { get; init; }

    /// <summary>Why the call failed; null when it completed. An extension of Coder's shape.</summary>
    public required InterceptionErrorDto? Error { get; init; }

    /// <summary>Milliseconds from the gateway's receipt of the request to the provider's response headers; null without a response.</summary>
    public required int? TtfbMs { get; init; }

    /// <summary>Milliseconds from the gateway's receipt of the request to the last byte relayed.</summary>
    public required int? DurationMs { get; init; }

    public IReadOnlyList<TokenUsageDto> TokenUsages { get; init; } = [];

    public IReadOnlyList<UserPromptDto> UserPrompts { get; init; } = [];

    public IReadOnlyList<ToolUsageDto> ToolUsages { get; init; } = [];
}

/// <param name="Type"><c>upstream_error</c>, <c>upstream_unreachable</c>, <c>upstream_disconnected</c>, <c>timeout</c>, <c>client_disconnected</c>, <c>gateway_restarted</c> or <c>internal_error</c>.</param>
/// <param name="Message">What happened, in the provider's words where it gave any.</param>
public sealed record InterceptionErrorDto(string Type, string Message)
{
    public static InterceptionErrorDto? From(string? type, string? message) => type is null ? null : new InterceptionErrorDto(type, message ?? "");
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

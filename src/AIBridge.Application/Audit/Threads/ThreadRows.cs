using AIBridge.Application.Audit.Dtos;

namespace AIBridge.Application.Audit.Threads;

/// <summary>A thread cursor: <c>after_id</c>, or <c>before_id</c> when <see cref="Before"/>.</summary>
public sealed record ThreadCursor(Guid Id, bool Before)
{
    public string ParameterName => Before ? "before_id" : "after_id";
}

public enum CursorLookup
{
    Found,
    NotFound,

    /// <summary>The interception exists but belongs to another session.</summary>
    OtherSession,
}

public sealed record ThreadPageResult(CursorLookup Cursor, ThreadPageRows? Rows);

/// <summary>A root or member of a thread.</summary>
public sealed record ThreadInterception(
    Guid Id, Guid? ThreadRootId, string Model, string Provider, string CredentialKind, string CredentialHint, DateTime StartedAt, DateTime? EndedAt,
    int? StatusCode = null, string? ErrorType = null, string? ErrorMessage = null);

public sealed record ThreadTokenUsage(
    Guid InterceptionId, long InputTokens, long OutputTokens, long CacheReadInputTokens, long CacheWriteInputTokens, string? Metadata);

public sealed record ThreadThought(Guid InterceptionId, string Content);

public sealed record ThreadPrompt(Guid InterceptionId, string Prompt);

/// <summary>
/// Everything a page of threads is built from. Roots are in page order; members and every
/// sub-record list are ordered by (started_at/created_at, id).
/// </summary>
/// <param name="Roots">The page's thread roots, ascending.</param>
/// <param name="Members">The non-root members of those threads.</param>
/// <param name="TokenUsages">Usages of roots and members.</param>
/// <param name="ToolCalls">Tool calls of roots and members.</param>
/// <param name="Thoughts">Model thoughts of roots and members.</param>
/// <param name="RootPrompts">User prompts of the roots.</param>
/// <param name="SessionTokenMetadata">Token metadata of every thread of the session, beyond this page.</param>
public sealed record ThreadPageRows(
    IReadOnlyList<ThreadInterception> Roots,
    IReadOnlyList<ThreadInterception> Members,
    IReadOnlyList<ThreadTokenUsage> TokenUsages,
    IReadOnlyList<ToolCallDto> ToolCalls,
    IReadOnlyList<ThreadThought> Thoughts,
    IReadOnlyList<ThreadPrompt> RootPrompts,
    IReadOnlyList<string> SessionTokenMetadata);

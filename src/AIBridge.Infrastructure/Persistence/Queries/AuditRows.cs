namespace AIBridge.Infrastructure.Persistence.Queries;

// Rows that queries keep composing on (filter, order) are classes with init members: EF Core can see
// through a member initialiser after a GroupBy, not through a record's constructor.

/// <summary>A (session id, initiator) group over the selected interceptions.</summary>
public sealed record SessionGroupRow
{
    public required string SessionId { get; init; }

    public required Guid InitiatorId { get; init; }

    public required DateTime StartedAt { get; init; }

    public required DateTime? EndedAt { get; init; }

    public required long Threads { get; init; }

    public required DateTime LastActiveAt { get; init; }
}

/// <summary>The groups sharing one session id, keyed by their latest activity.</summary>
public sealed record SessionBlockRow
{
    public required string SessionId { get; init; }

    public required DateTime LastActiveAt { get; init; }
}

/// <summary>The earliest interception of a group, whose client and metadata the session shows.</summary>
public sealed record SessionFirstRow(string SessionId, Guid InitiatorId, string? Client, string? Metadata);

/// <summary>One distinct (provider, model) pair of a group.</summary>
public sealed record SessionModelRow(string SessionId, Guid InitiatorId, string Provider, string Model);

public sealed record SessionTokenSumRow(string SessionId, Guid InitiatorId, long InputTokens, long OutputTokens, long CacheReadInputTokens, long CacheWriteInputTokens);

public sealed record SessionPromptRow(string SessionId, Guid InitiatorId, string Prompt);

/// <summary>Where an interception sits in its list's order: the position a cursor names.</summary>
public sealed record CursorRow(Guid Id, string SessionId, DateTime StartedAt);

using AIBridge.Application.Budgets;
using AIBridge.Domain.Interceptions;

namespace AIBridge.Application.Gateway.Recording;

/// <summary>
/// One thing to persist, handed from a request to the background writer. The
/// writer applies them in order per batch: starts, then children, then ends.
/// </summary>
public abstract record RecordedItem(Guid InterceptionId)
{
    /// <summary>Approximate payload size, for the queue's byte bound.</summary>
    public abstract int ApproximateBytes { get; }

    /// <summary>The database holds this record from <paramref name="timestamp"/> on, or never will (it was dropped).</summary>
    public virtual void Settled(long timestamp)
    {
    }
}

/// <param name="Interception">The new row, <c>thread_*</c> and <c>session_id</c> still to be resolved by the writer.</param>
/// <param name="CorrelatingToolCallId">The tool call this request answers, from which the writer resolves lineage.</param>
public sealed record InterceptionStarted(Interception Interception, string? CorrelatingToolCallId) : RecordedItem(Interception.Id)
{
    /// <summary>The request's worst-case cost, held against its user's budget until it ends.</summary>
    public long ReservedMicros => Hold?.EstimateMicros ?? 0;

    /// <summary>The budget hold the reservation belongs to, told when the database has it.</summary>
    public BudgetHold? Hold { get; init; }

    public override void Settled(long timestamp) => Hold?.StartSettled(timestamp);

    public override int ApproximateBytes => 512 + (Interception.Metadata?.Length ?? 0) + (Interception.ClientSessionId?.Length ?? 0);
}

/// <param name="CredentialHint">Written again for centralized keys, which a future key pool may switch mid-request.</param>
/// <param name="Outcome">What the client was sent, and why the call failed if it did.</param>
/// <param name="Latency">How long the provider took to answer, and the whole exchange.</param>
public sealed record InterceptionEnded(Guid Id, DateTime EndedAt, string? CredentialHint, InterceptionOutcome? Outcome = null, InterceptionLatency? Latency = null)
    : RecordedItem(Id)
{
    public override int ApproximateBytes => 96 + ((Outcome?.ErrorMessage?.Length ?? 0) * 2) + ((Metadata?.Length ?? 0) * 2);

    /// <summary>The whole metadata object, replacing the start's, when the end learned more (the keys a pool tried); null keeps it.</summary>
    public string? Metadata { get; init; }

    /// <summary>The hourly usage row whose latency histogram and reservation the end changes.</summary>
    public UsageKey? Rollup { get; init; }

    /// <summary>The reservation its start held, released now.</summary>
    public long ReservedMicros => Hold?.EstimateMicros ?? 0;

    /// <summary>The budget hold whose reservation the real cost replaces, told when the database has it.</summary>
    public BudgetHold? Hold { get; init; }

    public override void Settled(long timestamp) => Hold?.EndSettled(timestamp);

    /// <summary>
    /// Ends a start that is still in memory, as the database's end statement ends a stored one: only
    /// an open interception, so the first end wins (false when it had ended).
    /// </summary>
    public bool ApplyTo(Interception interception)
    {
        if (interception.EndedAt is not null)
        {
            return false;
        }

        interception.EndedAt = EndedAt;
        interception.CredentialHint = CredentialHint ?? interception.CredentialHint;
        interception.StatusCode = Outcome?.StatusCode;
        interception.ErrorType = Outcome?.ErrorType;
        interception.ErrorMessage = Outcome?.ErrorMessage;
        interception.TtfbMs = Latency?.TtfbMs;
        interception.DurationMs = Latency?.DurationMs;
        interception.Metadata = Metadata ?? interception.Metadata;
        return true;
    }
}

public sealed record TokenUsageRecorded(TokenUsage Usage) : RecordedItem(Usage.InterceptionId)
{
    /// <summary>The hourly usage row the tokens and cost add to.</summary>
    public UsageKey? Rollup { get; init; }

    public override int ApproximateBytes => 256 + (Usage.Metadata?.Length ?? 0);
}

public sealed record UserPromptRecorded(UserPrompt Prompt) : RecordedItem(Prompt.InterceptionId)
{
    /// <summary>The hourly usage row the prompt counts in.</summary>
    public UsageKey? Rollup { get; init; }

    public override int ApproximateBytes => 128 + (Prompt.Prompt.Length * 2);
}

public sealed record ToolUsageRecorded(ToolUsage Tool) : RecordedItem(Tool.InterceptionId)
{
    /// <summary>
    /// When the calling interception started. Lineage orders a call by it rather than by the call's own
    /// time, which is when it was parsed: that can be after the request answering it arrived.
    /// </summary>
    public DateTime? InterceptionStartedAt { get; init; }

    /// <summary>The hourly usage row the call counts in.</summary>
    public UsageKey? Rollup { get; init; }

    public override int ApproximateBytes => 256 + (Tool.Input.Length * 2);
}

public sealed record ModelThoughtRecorded(ModelThought Thought) : RecordedItem(Thought.InterceptionId)
{
    public override int ApproximateBytes => 128 + (Thought.Content.Length * 2);
}

/// <summary>A token was used: <c>api_keys.last_used</c> and <c>users.last_seen_at</c>, coalesced per key.</summary>
public sealed record ApiKeyUsed(string KeyId, Guid UserId, DateTime At) : RecordedItem(Guid.Empty)
{
    public override int ApproximateBytes => 64;
}

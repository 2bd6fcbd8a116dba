using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Interceptions;

namespace AIBridge.Infrastructure.Recording;

/// <summary>How a column is stored: each bulk writer maps these to its database's own forms.</summary>
internal enum ColumnKind
{
    Uuid,
    Text,
    Varchar,
    Jsonb,
    Int,
    Bigint,
    Bool,
    Time,
}

internal sealed record RecordColumn<T>(string Name, ColumnKind Kind, Func<T, object?> Value);

/// <summary>Writes one table's rows; the writer decides how (COPY, prepared statements).</summary>
internal interface IRecordTableWriter
{
    /// <summary>
    /// Sets up the batch's transaction. Both databases check that prompts reference an existing
    /// interception at commit, not at each insert (see <see cref="RecordTables.WriteAsync"/>).
    /// </summary>
    Task BeginBatchAsync(CancellationToken cancellationToken);

    Task WriteAsync<T>(string table, IReadOnlyList<RecordColumn<T>> columns, IReadOnlyList<T> rows, CancellationToken cancellationToken);

    /// <summary>
    /// Ends interceptions started in earlier batches, all in one statement where the database can, so
    /// that the roll-up triggers run once per batch (bridge spec §10: only while <c>ended_at</c> is NULL).
    /// </summary>
    Task EndAsync(IReadOnlyList<InterceptionEnded> ends, CancellationToken cancellationToken);

    /// <summary>Sends whatever the writer held back (PostgreSQL sends the whole batch at once).</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The recorder's tables and columns, for the bulk writers: one list to keep in step with the EF model
/// (the functional tests read every row back through EF on both databases).
/// </summary>
internal static class RecordTables
{
    private static readonly RecordColumn<Interception>[] Interceptions =
    [
        new("id", ColumnKind.Uuid, i => i.Id),
        new("initiator_id", ColumnKind.Uuid, i => i.InitiatorId),
        new("api_key_id", ColumnKind.Varchar, i => i.ApiKeyId),
        new("provider", ColumnKind.Text, i => i.Provider),
        new("provider_name", ColumnKind.Text, i => i.ProviderName),
        new("model", ColumnKind.Text, i => i.Model),
        new("client", ColumnKind.Varchar, i => i.Client),
        new("client_session_id", ColumnKind.Varchar, i => i.ClientSessionId),
        new("thread_parent_id", ColumnKind.Uuid, i => i.ThreadParentId),
        new("thread_root_id", ColumnKind.Uuid, i => i.ThreadRootId),
        new("session_id", ColumnKind.Text, i => i.SessionId),
        new("metadata", ColumnKind.Jsonb, i => i.Metadata),
        new("credential_kind", ColumnKind.Varchar, i => i.CredentialKind),
        new("credential_hint", ColumnKind.Varchar, i => i.CredentialHint),
        new("started_at", ColumnKind.Time, i => i.StartedAt),
        new("ended_at", ColumnKind.Time, i => i.EndedAt),
        new("gateway_instance", ColumnKind.Varchar, i => i.GatewayInstance),
        new("status_code", ColumnKind.Int, i => i.StatusCode),
        new("error_type", ColumnKind.Varchar, i => i.ErrorType),
        new("error_message", ColumnKind.Varchar, i => i.ErrorMessage),
    ];

    private static readonly RecordColumn<TokenUsage>[] TokenUsages =
    [
        new("id", ColumnKind.Uuid, t => t.Id),
        new("interception_id", ColumnKind.Uuid, t => t.InterceptionId),
        new("provider_response_id", ColumnKind.Text, t => t.ProviderResponseId),
        new("input_tokens", ColumnKind.Bigint, t => t.InputTokens),
        new("output_tokens", ColumnKind.Bigint, t => t.OutputTokens),
        new("cache_read_input_tokens", ColumnKind.Bigint, t => t.CacheReadInputTokens),
        new("cache_write_input_tokens", ColumnKind.Bigint, t => t.CacheWriteInputTokens),
        new("metadata", ColumnKind.Jsonb, t => t.Metadata),
        new("created_at", ColumnKind.Time, t => t.CreatedAt),
    ];

    private static readonly RecordColumn<UserPrompt>[] UserPrompts =
    [
        new("id", ColumnKind.Uuid, p => p.Id),
        new("interception_id", ColumnKind.Uuid, p => p.InterceptionId),
        new("provider_response_id", ColumnKind.Text, p => p.ProviderResponseId),
        new("prompt", ColumnKind.Text, p => p.Prompt),
        new("metadata", ColumnKind.Jsonb, p => p.Metadata),
        new("created_at", ColumnKind.Time, p => p.CreatedAt),
    ];

    private static readonly RecordColumn<ToolUsage>[] ToolUsages =
    [
        new("id", ColumnKind.Uuid, t => t.Id),
        new("interception_id", ColumnKind.Uuid, t => t.InterceptionId),
        new("provider_response_id", ColumnKind.Text, t => t.ProviderResponseId),
        new("provider_tool_call_id", ColumnKind.Varchar, t => t.ProviderToolCallId),
        new("provider_item_id", ColumnKind.Text, t => t.ProviderItemId),
        new("server_url", ColumnKind.Text, t => t.ServerUrl),
        new("tool", ColumnKind.Text, t => t.Tool),
        new("input", ColumnKind.Text, t => t.Input),
        new("injected", ColumnKind.Bool, t => t.Injected),
        new("invocation_error", ColumnKind.Text, t => t.InvocationError),
        new("metadata", ColumnKind.Jsonb, t => t.Metadata),
        new("created_at", ColumnKind.Time, t => t.CreatedAt),
    ];

    private static readonly RecordColumn<ModelThought>[] ModelThoughts =
    [
        new("id", ColumnKind.Uuid, t => t.Id),
        new("interception_id", ColumnKind.Uuid, t => t.InterceptionId),
        new("content", ColumnKind.Text, t => t.Content),
        new("metadata", ColumnKind.Jsonb, t => t.Metadata),
        new("created_at", ColumnKind.Time, t => t.CreatedAt),
    ];

    /// <summary>Writes a batch's rows, parents first, then the ends of interceptions of earlier batches.</summary>
    /// <remarks>
    /// Prompts go in before their interceptions (their foreign key is checked at commit): the session
    /// roll-up triggers then see an interception and its prompt together and write the roll-up once,
    /// instead of writing it and updating it again when the prompt follows (G2 in docs/benchmarks.md).
    /// </remarks>
    public static async Task WriteAsync(IRecordTableWriter writer, RecordBatch batch, CancellationToken cancellationToken)
    {
        await writer.BeginBatchAsync(cancellationToken);
        await writer.WriteAsync("aibridge_user_prompts", UserPrompts, batch.UserPrompts, cancellationToken);
        await writer.WriteAsync("aibridge_interceptions", Interceptions, batch.Interceptions, cancellationToken);
        await writer.WriteAsync("aibridge_token_usages", TokenUsages, batch.TokenUsages, cancellationToken);
        await writer.WriteAsync("aibridge_tool_usages", ToolUsages, batch.ToolUsages, cancellationToken);
        await writer.WriteAsync("aibridge_model_thoughts", ModelThoughts, batch.ModelThoughts, cancellationToken);
        if (batch.Ends.Count > 0)
        {
            await writer.EndAsync(batch.Ends, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }
}

/// <summary>The rows of one batch, by table, in the order they must be inserted.</summary>
internal sealed class RecordBatch
{
    public List<Interception> Interceptions { get; } = [];

    public List<TokenUsage> TokenUsages { get; } = [];

    public List<UserPrompt> UserPrompts { get; } = [];

    public List<ToolUsage> ToolUsages { get; } = [];

    public List<ModelThought> ModelThoughts { get; } = [];

    /// <summary>Ends of interceptions not in this batch (the others' ends are applied to their rows).</summary>
    public List<InterceptionEnded> Ends { get; } = [];
}

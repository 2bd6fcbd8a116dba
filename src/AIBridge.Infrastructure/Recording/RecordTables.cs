using AIBridge.Domain.Interceptions;
using AIBridge.Domain.Usage;

namespace AIBridge.Infrastructure.Recording;

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
        new("system_hash", ColumnKind.Varchar, i => i.SystemHash),
        new("tools_hash", ColumnKind.Varchar, i => i.ToolsHash),
        new("ttfb_ms", ColumnKind.Int, i => i.TtfbMs),
        new("duration_ms", ColumnKind.Int, i => i.DurationMs),
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
        new("cost_micros", ColumnKind.Bigint, t => t.CostMicros),
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

    private const string UsageHours = "aibridge_usage_hours";

    private const string UsageDays = "aibridge_usage_days";

    private const string UsageHourSlices = "aibridge_usage_hour_slices";

    private const string UsageDaySlices = "aibridge_usage_day_slices";

    // Declared before the keys that spread it: static fields are initialised in order.
    private static readonly RecordColumn<UsageRow>[] UsageDimensionColumns =
    [
        new("initiator_id", ColumnKind.Uuid, r => r.Key.InitiatorId),
        new("provider", ColumnKind.Text, r => r.Key.Provider),
        new("provider_name", ColumnKind.Text, r => r.Key.ProviderName),
        new("model", ColumnKind.Text, r => r.Key.Model),
        new("client", ColumnKind.Varchar, r => r.Key.Client),
    ];

    private static readonly RecordColumn<UsageRow>[] UsageKeys =
    [
        new("hour", ColumnKind.Bigint, r => r.Key.Hour),
        .. UsageDimensionColumns,
    ];

    private static readonly RecordColumn<UsageRow>[] UsageDayKeys =
    [
        new("day", ColumnKind.Bigint, r => r.Key.Hour / 24),
        .. UsageDimensionColumns,
    ];

    private static readonly RecordColumn<UsageRow>[] UsageHourSliceKeys =
    [
        new("dimensions", ColumnKind.Int, r => (int)r.Dimensions),
        .. UsageKeys,
    ];

    private static readonly RecordColumn<UsageRow>[] UsageDaySliceKeys =
    [
        new("dimensions", ColumnKind.Int, r => (int)r.Dimensions),
        .. UsageDayKeys,
    ];

    private static readonly RecordColumn<UsageRow>[] UsageSums =
    [
        new("interceptions", ColumnKind.Bigint, r => r.Sums.Interceptions),
        new("prompts", ColumnKind.Bigint, r => r.Sums.Prompts),
        new("tool_calls", ColumnKind.Bigint, r => r.Sums.ToolCalls),
        new("injected_tool_calls", ColumnKind.Bigint, r => r.Sums.InjectedToolCalls),
        new("input_tokens", ColumnKind.Bigint, r => r.Sums.InputTokens),
        new("output_tokens", ColumnKind.Bigint, r => r.Sums.OutputTokens),
        new("cache_read_input_tokens", ColumnKind.Bigint, r => r.Sums.CacheReadInputTokens),
        new("cache_write_input_tokens", ColumnKind.Bigint, r => r.Sums.CacheWriteInputTokens),
        new("cost_micros", ColumnKind.Bigint, r => r.Sums.CostMicros, Nullable: true),
        new("unpriced_usage_count", ColumnKind.Bigint, r => r.Sums.UnpricedUsageCount),
        new("priced_usage_count", ColumnKind.Bigint, r => r.PricedUsageCount),
        .. Enumerable.Range(0, TtfbHistogram.Buckets).Select(b => new RecordColumn<UsageRow>(TtfbHistogram.Column(b), ColumnKind.Bigint, r => r.Sums.Ttfb[b])),
    ];

    /// <summary>Reservations are held by the hour only: budgets read them there.</summary>
    private static readonly RecordColumn<UsageRow>[] UsageHourSums =
    [
        .. UsageSums,
        new("reserved_micros", ColumnKind.Bigint, r => r.ReservedMicros),
    ];

    /// <summary>Each table the recorder writes and its columns, for the tests that hold them to the EF model.</summary>
    internal static IEnumerable<(string Table, IEnumerable<(string Name, ColumnKind Kind)> Columns)> Layout =>
    [
        ("aibridge_interceptions", Interceptions.Select(c => (c.Name, c.Kind))),
        ("aibridge_token_usages", TokenUsages.Select(c => (c.Name, c.Kind))),
        ("aibridge_user_prompts", UserPrompts.Select(c => (c.Name, c.Kind))),
        ("aibridge_tool_usages", ToolUsages.Select(c => (c.Name, c.Kind))),
        ("aibridge_model_thoughts", ModelThoughts.Select(c => (c.Name, c.Kind))),
        (UsageHours, UsageKeys.Concat(UsageHourSums).Select(c => (c.Name, c.Kind))),
        (UsageDays, UsageDayKeys.Concat(UsageSums).Select(c => (c.Name, c.Kind))),
        (UsageHourSlices, UsageHourSliceKeys.Concat(UsageSums).Select(c => (c.Name, c.Kind))),
        (UsageDaySlices, UsageDaySliceKeys.Concat(UsageSums).Select(c => (c.Name, c.Kind))),
    ];

    /// <summary>The columns each roll-up adds to, for the test that holds their nullability to the EF model.</summary>
    internal static IEnumerable<(string Table, IEnumerable<(string Name, bool Nullable)> Sums)> Sums =>
    [
        (UsageHours, UsageHourSums.Select(c => (c.Name, c.Nullable))),
        (UsageDays, UsageSums.Select(c => (c.Name, c.Nullable))),
        (UsageHourSlices, UsageSums.Select(c => (c.Name, c.Nullable))),
        (UsageDaySlices, UsageSums.Select(c => (c.Name, c.Nullable))),
    ];

    /// <summary>Writes a batch's rows, parents first, then the ends of interceptions of earlier batches, then its usage.</summary>
    /// <remarks>
    /// Where foreign keys can wait for the commit, prompts go in before their interceptions: the session
    /// roll-up triggers then see an interception and its prompt together and write the roll-up once,
    /// instead of writing it and updating it again when the prompt follows.
    /// </remarks>
    public static async Task WriteAsync(IRecordTableWriter writer, RecordBatch batch, CancellationToken cancellationToken)
    {
        await writer.BeginBatchAsync(cancellationToken);
        if (writer.DefersForeignKeys)
        {
            await writer.WriteAsync("aibridge_user_prompts", UserPrompts, batch.UserPrompts, cancellationToken);
        }

        await writer.WriteAsync("aibridge_interceptions", Interceptions, batch.Interceptions, cancellationToken);
        if (!writer.DefersForeignKeys)
        {
            await writer.WriteAsync("aibridge_user_prompts", UserPrompts, batch.UserPrompts, cancellationToken);
        }

        await writer.WriteAsync("aibridge_token_usages", TokenUsages, batch.TokenUsages, cancellationToken);
        await writer.WriteAsync("aibridge_tool_usages", ToolUsages, batch.ToolUsages, cancellationToken);
        await writer.WriteAsync("aibridge_model_thoughts", ModelThoughts, batch.ModelThoughts, cancellationToken);
        if (batch.Ends.Count > 0)
        {
            await writer.EndAsync(batch.Ends, cancellationToken);
        }

        await writer.AddAsync(UsageHours, UsageKeys, UsageHourSums, batch.Usage.Rows, cancellationToken);
        await writer.AddAsync(UsageDays, UsageDayKeys, UsageSums, batch.Usage.Days, cancellationToken);
        await writer.AddAsync(UsageHourSlices, UsageHourSliceKeys, UsageSums, batch.Usage.HourSlices, cancellationToken);
        await writer.AddAsync(UsageDaySlices, UsageDaySliceKeys, UsageSums, batch.Usage.DaySlices, cancellationToken);

        await writer.FlushAsync(cancellationToken);
    }
}

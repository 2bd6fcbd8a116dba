using AIBridge.Domain.Common;
using AIBridge.Domain.Interceptions;
using Npgsql;
using NpgsqlTypes;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The writer's inserts on PostgreSQL as binary <c>COPY</c>, in the batch's transaction: a few
/// microseconds a row instead of EF Core's change tracking and command building (G2 in
/// docs/benchmarks.md). Columns are named, so their order here is the only contract.
/// </summary>
internal static class PostgresBulkInsert
{
    public static async Task WriteAsync(NpgsqlConnection connection, RecordBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Interceptions.Count > 0)
        {
            await CopyAsync(connection, batch.Interceptions,
                "aibridge_interceptions (id, initiator_id, api_key_id, provider, provider_name, model, client, client_session_id, thread_parent_id, thread_root_id, session_id, metadata, credential_kind, credential_hint, started_at, ended_at)",
                async (w, i, ct) =>
                {
                    await w.WriteAsync(i.Id, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(i.InitiatorId, NpgsqlDbType.Uuid, ct);
                    await Nullable(w, i.ApiKeyId, NpgsqlDbType.Varchar, ct);
                    await w.WriteAsync(i.Provider, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(i.ProviderName, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(i.Model, NpgsqlDbType.Text, ct);
                    await Nullable(w, i.Client, NpgsqlDbType.Varchar, ct);
                    await Nullable(w, i.ClientSessionId, NpgsqlDbType.Varchar, ct);
                    await Nullable(w, i.ThreadParentId, NpgsqlDbType.Uuid, ct);
                    await Nullable(w, i.ThreadRootId, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(i.SessionId, NpgsqlDbType.Text, ct);
                    await Nullable(w, i.Metadata, NpgsqlDbType.Jsonb, ct);
                    await w.WriteAsync(i.CredentialKind, NpgsqlDbType.Varchar, ct);
                    await w.WriteAsync(i.CredentialHint, NpgsqlDbType.Varchar, ct);
                    await w.WriteAsync(Timestamp.Normalize(i.StartedAt), NpgsqlDbType.TimestampTz, ct);
                    await Nullable<DateTime>(w, i.EndedAt is { } ended ? Timestamp.Normalize(ended) : null, NpgsqlDbType.TimestampTz, ct);
                }, cancellationToken);
        }

        if (batch.TokenUsages.Count > 0)
        {
            await CopyAsync(connection, batch.TokenUsages,
                "aibridge_token_usages (id, interception_id, provider_response_id, input_tokens, output_tokens, cache_read_input_tokens, cache_write_input_tokens, metadata, created_at)",
                async (w, t, ct) =>
                {
                    await w.WriteAsync(t.Id, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(t.InterceptionId, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(t.ProviderResponseId, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(t.InputTokens, NpgsqlDbType.Bigint, ct);
                    await w.WriteAsync(t.OutputTokens, NpgsqlDbType.Bigint, ct);
                    await w.WriteAsync(t.CacheReadInputTokens, NpgsqlDbType.Bigint, ct);
                    await w.WriteAsync(t.CacheWriteInputTokens, NpgsqlDbType.Bigint, ct);
                    await Nullable(w, t.Metadata, NpgsqlDbType.Jsonb, ct);
                    await w.WriteAsync(Timestamp.Normalize(t.CreatedAt), NpgsqlDbType.TimestampTz, ct);
                }, cancellationToken);
        }

        if (batch.UserPrompts.Count > 0)
        {
            await CopyAsync(connection, batch.UserPrompts,
                "aibridge_user_prompts (id, interception_id, provider_response_id, prompt, metadata, created_at)",
                async (w, p, ct) =>
                {
                    await w.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(p.InterceptionId, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(p.ProviderResponseId, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(p.Prompt, NpgsqlDbType.Text, ct);
                    await Nullable(w, p.Metadata, NpgsqlDbType.Jsonb, ct);
                    await w.WriteAsync(Timestamp.Normalize(p.CreatedAt), NpgsqlDbType.TimestampTz, ct);
                }, cancellationToken);
        }

        if (batch.ToolUsages.Count > 0)
        {
            await CopyAsync(connection, batch.ToolUsages,
                "aibridge_tool_usages (id, interception_id, provider_response_id, provider_tool_call_id, provider_item_id, server_url, tool, input, injected, invocation_error, metadata, created_at)",
                async (w, t, ct) =>
                {
                    await w.WriteAsync(t.Id, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(t.InterceptionId, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(t.ProviderResponseId, NpgsqlDbType.Text, ct);
                    await Nullable(w, t.ProviderToolCallId, NpgsqlDbType.Varchar, ct);
                    await Nullable(w, t.ProviderItemId, NpgsqlDbType.Text, ct);
                    await Nullable(w, t.ServerUrl, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(t.Tool, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(t.Input, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(t.Injected, NpgsqlDbType.Boolean, ct);
                    await Nullable(w, t.InvocationError, NpgsqlDbType.Text, ct);
                    await Nullable(w, t.Metadata, NpgsqlDbType.Jsonb, ct);
                    await w.WriteAsync(Timestamp.Normalize(t.CreatedAt), NpgsqlDbType.TimestampTz, ct);
                }, cancellationToken);
        }

        if (batch.ModelThoughts.Count > 0)
        {
            await CopyAsync(connection, batch.ModelThoughts,
                "aibridge_model_thoughts (id, interception_id, content, metadata, created_at)",
                async (w, t, ct) =>
                {
                    await w.WriteAsync(t.Id, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(t.InterceptionId, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(t.Content, NpgsqlDbType.Text, ct);
                    await Nullable(w, t.Metadata, NpgsqlDbType.Jsonb, ct);
                    await w.WriteAsync(Timestamp.Normalize(t.CreatedAt), NpgsqlDbType.TimestampTz, ct);
                }, cancellationToken);
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, IReadOnlyList<T> rows, string table,
        Func<NpgsqlBinaryImporter, T, CancellationToken, Task> writeRow, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await writeRow(importer, row, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task Nullable<TValue>(NpgsqlBinaryImporter writer, TValue? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where TValue : class =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, type, cancellationToken);

    private static Task Nullable<TValue>(NpgsqlBinaryImporter writer, TValue? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where TValue : struct =>
        value is { } v ? writer.WriteAsync(v, type, cancellationToken) : writer.WriteNullAsync(cancellationToken);
}

/// <summary>The rows of one batch, by table, in the order they must be inserted.</summary>
internal sealed class RecordBatch
{
    public List<Interception> Interceptions { get; } = [];

    public List<TokenUsage> TokenUsages { get; } = [];

    public List<UserPrompt> UserPrompts { get; } = [];

    public List<ToolUsage> ToolUsages { get; } = [];

    public List<ModelThought> ModelThoughts { get; } = [];
}

using System.Globalization;
using AIBridge.Domain.Common;
using Microsoft.Data.Sqlite;

namespace AIBridge.Infrastructure.Recording;

/// <summary>
/// The writer's inserts on SQLite as one prepared statement per table, reused for every row of the
/// batch's transaction, instead of EF Core's per-row change tracking. Values are written in EF Core's
/// SQLite forms, so EF reads them back unchanged: GUIDs as upper-case text, timestamps as
/// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c> (UTC, microseconds), booleans as 0/1.
/// </summary>
internal static class SqliteBulkInsert
{
    public static void Write(SqliteConnection connection, SqliteTransaction? transaction, RecordBatch batch)
    {
        Insert(connection, transaction, batch.Interceptions,
            "aibridge_interceptions", ["id", "initiator_id", "api_key_id", "provider", "provider_name", "model", "client", "client_session_id",
                "thread_parent_id", "thread_root_id", "session_id", "metadata", "credential_kind", "credential_hint", "started_at", "ended_at"],
            i => [Id(i.Id), Id(i.InitiatorId), i.ApiKeyId, i.Provider, i.ProviderName, i.Model, i.Client, i.ClientSessionId,
                Id(i.ThreadParentId), Id(i.ThreadRootId), i.SessionId, i.Metadata, i.CredentialKind, i.CredentialHint, Time(i.StartedAt), Time(i.EndedAt)]);
        Insert(connection, transaction, batch.TokenUsages,
            "aibridge_token_usages", ["id", "interception_id", "provider_response_id", "input_tokens", "output_tokens", "cache_read_input_tokens",
                "cache_write_input_tokens", "metadata", "created_at"],
            t => [Id(t.Id), Id(t.InterceptionId), t.ProviderResponseId, t.InputTokens, t.OutputTokens, t.CacheReadInputTokens,
                t.CacheWriteInputTokens, t.Metadata, Time(t.CreatedAt)]);
        Insert(connection, transaction, batch.UserPrompts,
            "aibridge_user_prompts", ["id", "interception_id", "provider_response_id", "prompt", "metadata", "created_at"],
            p => [Id(p.Id), Id(p.InterceptionId), p.ProviderResponseId, p.Prompt, p.Metadata, Time(p.CreatedAt)]);
        Insert(connection, transaction, batch.ToolUsages,
            "aibridge_tool_usages", ["id", "interception_id", "provider_response_id", "provider_tool_call_id", "provider_item_id", "server_url",
                "tool", "input", "injected", "invocation_error", "metadata", "created_at"],
            t => [Id(t.Id), Id(t.InterceptionId), t.ProviderResponseId, t.ProviderToolCallId, t.ProviderItemId, t.ServerUrl,
                t.Tool, t.Input, t.Injected ? 1L : 0L, t.InvocationError, t.Metadata, Time(t.CreatedAt)]);
        Insert(connection, transaction, batch.ModelThoughts,
            "aibridge_model_thoughts", ["id", "interception_id", "content", "metadata", "created_at"],
            t => [Id(t.Id), Id(t.InterceptionId), t.Content, t.Metadata, Time(t.CreatedAt)]);
    }

    private static void Insert<T>(SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyList<T> rows, string table, string[] columns,
        Func<T, object?[]> values)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            var rowValues = values(row);
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = rowValues[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }
    }

    private static string? Id(Guid? id) => id?.ToString("D").ToUpperInvariant();

    private static string? Time(DateTime? value) =>
        value is { } v ? Timestamp.Normalize(v).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : null;
}

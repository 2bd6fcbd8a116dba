using System.Globalization;
using AIBridge.Application.Common.Querying;
using AIBridge.Application.Common.Validation;

namespace AIBridge.Application.Audit.Threads;

/// <summary>The cursor and limit of <c>GET /sessions/{id}</c>.</summary>
public sealed record ThreadPageRequest(ThreadCursor? Cursor, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Checks in the spec's order and stops at the first problem, described by <paramref name="envelope"/>.</summary>
    public static ThreadPageRequest? Parse(string sessionId, QueryParameters query, out ErrorEnvelope? envelope)
    {
        envelope = null;
        if (sessionId.Length == 0)
        {
            envelope = new ErrorEnvelope("Missing session_id path parameter.");
            return null;
        }

        var afterId = ParseId(query, "after_id", ref envelope);
        var beforeId = ParseId(query, "before_id", ref envelope);
        if (envelope is not null)
        {
            return null;
        }

        if (afterId is not null && beforeId is not null)
        {
            envelope = new ErrorEnvelope("Cannot use both after_id and before_id in the same request.");
            return null;
        }

        var limit = DefaultLimit;
        if (First(query, "limit") is { } rawLimit
            && !(int.TryParse(rawLimit, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit))
        {
            envelope = new ErrorEnvelope("Invalid limit query parameter.", $"Limit must be between 1 and {MaxLimit}.");
            return null;
        }

        var cursor = afterId is { } after ? new ThreadCursor(after, Before: false)
            : beforeId is { } before ? new ThreadCursor(before, Before: true)
            : null;
        return new ThreadPageRequest(cursor, limit);
    }

    private static Guid? ParseId(QueryParameters query, string name, ref ErrorEnvelope? envelope)
    {
        if (envelope is not null || First(query, name) is not { } raw)
        {
            return null;
        }

        if (Guid.TryParse(raw, out var id))
        {
            return id;
        }

        // The detail reads like Go's uuid.Parse errors, which Coder passes through.
        var detail = raw.Length is 32 or 36 or 38 or 41 ? "invalid UUID format" : $"invalid UUID length: {raw.Length}";
        envelope = new ErrorEnvelope($"Invalid {name} query parameter.", detail);
        return null;
    }

    /// <summary>As Go's <c>url.Values.Get</c>: the first value; empty counts as absent.</summary>
    private static string? First(QueryParameters query, string name) =>
        query.All(name) is [{ Length: > 0 } value, ..] ? value : null;
}

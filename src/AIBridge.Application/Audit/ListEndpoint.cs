namespace AIBridge.Application.Audit;

/// <summary>What differs between the list endpoints' parsing: their <c>q</c> keys, bare-word key, messages and cursor.</summary>
/// <param name="SearchKeys">The <c>q</c> keys the endpoint accepts.</param>
/// <param name="DefaultKey">The key bare words belong to; null rejects bare words ("no search key specified").</param>
/// <param name="SearchFailure">The envelope message of a bad <c>q</c>.</param>
/// <param name="CursorParameter">The cursor that cannot be combined with <c>offset</c>, if the endpoint pages by one.</param>
public sealed record ListEndpoint(IReadOnlyCollection<string> SearchKeys, string? DefaultKey, string SearchFailure, string? CursorParameter = null)
{
    public static ListEndpoint Interceptions { get; } = new(
        ["initiator", "provider", "model", "client", "status", "started_after", "started_before"],
        "initiator",
        "Invalid AI Bridge interceptions search query.",
        "after_id");

    public static ListEndpoint Sessions { get; } = new(
        ["initiator", "provider", "model", "client", "session_id", "status", "started_after", "started_before"],
        null,
        "Invalid session search query.",
        "after_session_id");
}

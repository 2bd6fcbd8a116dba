namespace AIBridge.Application.Audit;

/// <summary>
/// Which completed interceptions a read selects: the caller's read permission as a row predicate
/// and the <c>q</c> filters. Null filters select everything.
/// </summary>
public sealed record AuditFilter
{
    /// <summary>False for members: every row is invisible to them.</summary>
    public required bool CallerCanRead { get; init; }

    public Guid? InitiatorId { get; init; }

    public string? Provider { get; init; }

    public string? Model { get; init; }

    /// <summary>Compared with <c>COALESCE(client, 'Unknown')</c>.</summary>
    public string? Client { get; init; }

    public string? SessionId { get; init; }

    /// <summary>Only failed interceptions (true), only those that completed (false).</summary>
    public bool? Failed { get; init; }

    /// <summary>Inclusive.</summary>
    public DateTime? StartedAfter { get; init; }

    /// <summary>Inclusive.</summary>
    public DateTime? StartedBefore { get; init; }

    public static AuditFilter Unfiltered(bool callerCanRead) => new() { CallerCanRead = callerCanRead };
}

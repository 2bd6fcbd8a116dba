namespace AIBridge.Infrastructure.Scheduling;

/// <summary>
/// A periodic job shared by every AIBridge process on one database: the process that moves
/// <see cref="DueAt"/> forward first runs the job, the others find it not due (<see cref="JobLeases"/>).
/// </summary>
public sealed class JobLease
{
    public const int NameMaxLength = 64;

    public const int HolderMaxLength = 256;

    public required string Name { get; init; }

    /// <summary>When the job is next due; a process claims it from then on.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>The instance (<c>AIBridge:InstanceId</c>) that last claimed it.</summary>
    public string? Holder { get; set; }

    public DateTime? ClaimedAt { get; set; }
}

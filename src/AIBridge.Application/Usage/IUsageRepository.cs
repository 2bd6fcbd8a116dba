using AIBridge.Application.Audit.Dtos;

namespace AIBridge.Application.Usage;

/// <summary>How a sum of the hourly roll-up is keyed in time.</summary>
public enum UsageTimeKey
{
    /// <summary>One sum over the whole window.</summary>
    None,

    /// <summary>Per UTC hour: the key is the hour number.</summary>
    Hour,

    /// <summary>
    /// Per day, week or month of <see cref="UsageSumQuery.Zone"/>: the key is its first local day, in days
    /// since 1970-01-01 there.
    /// </summary>
    LocalDay,
}

/// <summary>What to sum: the request's window and filters, keyed by time and the group's dimensions.</summary>
public sealed record UsageSumQuery(UsageRequest Request, UsageTimeKey TimeKey)
{
    public ZoneHours Zone => Request.Zone;
}

/// <summary>One sum; the dimensions not grouped by are null.</summary>
public sealed record UsageSumRow(long Time, Guid? InitiatorId, string? Provider, string? Model, string? Client, UsageSums Sums);

/// <summary>Reads the hourly usage roll-up, never the interceptions.</summary>
public interface IUsageRepository
{
    Task<IReadOnlyList<UsageSumRow>> SumAsync(UsageSumQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, MinimalUserDto>> FindUsersAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}

namespace AIBridge.Application.Audit.Retention;

/// <summary>Deletes expired interceptions (their child rows go with them) and expired hourly usage.</summary>
public interface IInterceptionRetentionStore
{
    /// <summary>Deletes up to <paramref name="limit"/> interceptions started before <paramref name="cutoff"/> (completed ones oldest first); returns how many.</summary>
    Task<int> DeleteStartedBeforeAsync(DateTime cutoff, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes the usage roll-ups' and slices' rows of the hours before <paramref name="hour"/> (see <c>UsageHours</c>); returns how many.</summary>
    Task<int> DeleteUsageBeforeAsync(long hour, CancellationToken cancellationToken);
}

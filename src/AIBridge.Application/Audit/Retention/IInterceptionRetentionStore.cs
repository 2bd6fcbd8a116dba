namespace AIBridge.Application.Audit.Retention;

/// <summary>Deletes expired interceptions; their child rows go with them.</summary>
public interface IInterceptionRetentionStore
{
    /// <summary>Deletes up to <paramref name="limit"/> interceptions started before <paramref name="cutoff"/> (completed ones oldest first); returns how many.</summary>
    Task<int> DeleteStartedBeforeAsync(DateTime cutoff, int limit, CancellationToken cancellationToken);
}

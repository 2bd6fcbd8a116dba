namespace AIBridge.Application.Audit;

/// <summary>Read-side queries of the audit API. Only completed interceptions are ever read.</summary>
public interface IAuditReadRepository
{
    /// <summary>Distinct models of completed interceptions (unordered; the set is small).</summary>
    Task<IReadOnlyList<string>> DistinctModelsAsync(CancellationToken cancellationToken);

    /// <summary>Distinct clients of completed interceptions, NULL read as "Unknown".</summary>
    Task<IReadOnlyList<string>> DistinctClientsAsync(CancellationToken cancellationToken);
}

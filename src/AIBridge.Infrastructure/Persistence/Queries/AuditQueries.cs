using AIBridge.Domain.Interceptions;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>Read-side queries of the audit API. In-flight interceptions (no <c>ended_at</c>) never count.</summary>
public static class AuditQueries
{
    public const string UnknownClient = "Unknown";

    public static IQueryable<Interception> Completed(AIBridgeDbContext db) => db.Interceptions.Where(i => i.EndedAt != null);

    public static IQueryable<string> DistinctModels(AIBridgeDbContext db) => Completed(db).Select(i => i.Model).Distinct();

    public static IQueryable<string> DistinctClients(AIBridgeDbContext db) =>
        Completed(db).Select(i => i.Client ?? UnknownClient).Distinct();
}

using AIBridge.Application.Audit;

namespace AIBridge.Infrastructure.Persistence.Rollups;

/// <summary>
/// Names the slices of <see cref="SessionRollup"/>: <c>all</c>, and <c>provider:</c>, <c>model:</c> or
/// <c>client:</c> followed by the value. One column, so that an index seeks a slice by equality and the
/// planner's statistics see how many rows each slice has.
/// </summary>
public static class RollupSlices
{
    public const string All = "all";
    public const string ProviderPrefix = "provider:";
    public const string ModelPrefix = "model:";
    public const string ClientPrefix = "client:";

    /// <summary>
    /// The slice whose rows are exactly this filter's groups, or null when the roll-ups cannot answer:
    /// a time window (it cuts sessions in parts), a status, or two of provider, model and client at once.
    /// Initiator and session id are keys of every slice, so they narrow any of them.
    /// </summary>
    public static string? For(AuditFilter filter)
    {
        if (filter.StartedAfter is not null || filter.StartedBefore is not null || filter.Failed is not null)
        {
            return null;
        }

        string?[] slices =
        [
            filter.Provider is { } provider ? ProviderPrefix + provider : null,
            filter.Model is { } model ? ModelPrefix + model : null,
            filter.Client is { } client ? ClientPrefix + client : null,
        ];
        return slices.Count(s => s is not null) switch
        {
            0 => All,
            1 => slices.Single(s => s is not null),
            _ => null,
        };
    }
}

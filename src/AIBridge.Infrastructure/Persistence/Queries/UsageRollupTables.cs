using System.Globalization;
using AIBridge.Application.Usage;
using AIBridge.Domain.Usage;

namespace AIBridge.Infrastructure.Persistence.Queries;

/// <summary>
/// The roll-up pair a report reads: the slices of exactly the dimensions it groups and filters by when
/// the recorder keeps them (at most two), else the full hourly and daily roll-ups.
/// </summary>
/// <param name="Slice">SQL that selects the slice's rows, followed by <c>AND</c>; empty for the full roll-ups.</param>
internal sealed record UsageRollupTables(string Hours, string Days, string Slice)
{
    private static readonly UsageRollupTables Full = new("aibridge_usage_hours", "aibridge_usage_days", "");

    public static UsageRollupTables For(UsageRequest request)
    {
        var dimensions = DimensionsOf(request);
        return UsageSlices.IsKept(dimensions)
            ? new("aibridge_usage_hour_slices", "aibridge_usage_day_slices", string.Create(CultureInfo.InvariantCulture, $"dimensions = {(int)dimensions} AND "))
            : Full;
    }

    private static UsageDimensions DimensionsOf(UsageRequest request)
    {
        var dimensions = request.GroupBy.Aggregate(UsageDimensions.None, (all, d) => all | d switch
        {
            UsageDimension.User => UsageDimensions.User,
            UsageDimension.Provider => UsageDimensions.Provider,
            UsageDimension.Model => UsageDimensions.Model,
            _ => UsageDimensions.Client,
        });
        return dimensions
            | (request.InitiatorId is null ? UsageDimensions.None : UsageDimensions.User)
            | (request.Provider is null ? UsageDimensions.None : UsageDimensions.Provider)
            | (request.Model is null ? UsageDimensions.None : UsageDimensions.Model)
            | (request.Client is null ? UsageDimensions.None : UsageDimensions.Client);
    }
}

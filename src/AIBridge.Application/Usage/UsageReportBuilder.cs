using AIBridge.Application.Audit.Dtos;
using AIBridge.Domain.Usage;

namespace AIBridge.Application.Usage;

/// <summary>
/// Turns the roll-up's sums into a report: hours or local days into the request's intervals, the groups
/// ranked by the order and cut to the limit, percentiles from the summed histograms.
/// </summary>
public static class UsageReportBuilder
{
    /// <summary>How the repository should key its sums for an interval.</summary>
    public static UsageTimeKey TimeKeyOf(UsageInterval interval) => interval switch
    {
        UsageInterval.None => UsageTimeKey.None,
        UsageInterval.Hour => UsageTimeKey.Hour,
        _ => UsageTimeKey.LocalDay,
    };

    public static UsageReportDto Build(UsageRequest request, IReadOnlyList<UsageSumRow> rows, IReadOnlyDictionary<Guid, MinimalUserDto> users)
    {
        var totals = new UsageSums();
        var groups = new Dictionary<GroupKey, UsageSums>();
        var buckets = new Dictionary<(DateTime Start, GroupKey Group), UsageSums>();
        foreach (var row in rows)
        {
            var group = new GroupKey(row.InitiatorId, row.Provider, row.Model, row.Client);
            totals.Add(row.Sums);
            SumInto(groups, group, row.Sums);
            SumInto(buckets, (StartOf(request, row.Time), group), row.Sums);
        }

        var ranked = groups.OrderByDescending(g => Measure(request.OrderBy, g.Value)).ThenBy(g => g.Key, GroupKey.Order)
            .Take(request.Limit).Select((g, rank) => (g.Key, rank)).ToDictionary(g => g.Key, g => g.rank);
        var reported = buckets.Where(b => ranked.ContainsKey(b.Key.Group))
            .OrderBy(b => b.Key.Start).ThenByDescending(b => Measure(request.OrderBy, b.Value)).ThenBy(b => ranked[b.Key.Group])
            .Select(b => UsageBucketDto.From(b.Key.Start, b.Value) with
            {
                Initiator = b.Key.Group.InitiatorId is { } id ? users.GetValueOrDefault(id) ?? UnknownUser(id) : null,
                Provider = b.Key.Group.Provider,
                Model = b.Key.Group.Model,
                Client = b.Key.Group.Client,
            })
            .ToList();

        return new UsageReportDto(
            request.Interval.ToString().ToLowerInvariant(),
            request.GroupBy.Select(d => d.ToString().ToLowerInvariant()).ToList(),
            request.Zone.Zone.Id,
            UsageHours.Start(request.FromHour),
            UsageHours.Start(request.ToHour),
            UsageFiguresDto.From(totals),
            reported);
    }

    /// <summary>The start of the interval a sum's time key falls in.</summary>
    private static DateTime StartOf(UsageRequest request, long time)
    {
        if (request.Interval == UsageInterval.None)
        {
            return UsageHours.Start(request.FromHour);
        }

        if (request.Interval == UsageInterval.Hour)
        {
            return UsageHours.Start(time);
        }

        return request.Zone.StartOf(FirstDayOf(request.Interval, time));
    }

    /// <summary>The first local day of the day, week (ISO, from Monday) or month that a local day (days since 1970-01-01) is in.</summary>
    public static DateOnly FirstDayOf(UsageInterval interval, long localDay)
    {
        var day = DateOnly.FromDayNumber(ZoneHours.UnixDay + (int)localDay);
        return interval switch
        {
            UsageInterval.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            UsageInterval.Month => new DateOnly(day.Year, day.Month, 1),
            _ => day,
        };
    }

    private static long Measure(UsageOrder order, UsageSums sums) => order switch
    {
        UsageOrder.Cost => sums.CostMicros ?? 0,
        UsageOrder.Tokens => sums.Tokens,
        _ => sums.Interceptions,
    };

    private static void SumInto<TKey>(Dictionary<TKey, UsageSums> sums, TKey key, UsageSums add)
        where TKey : notnull
    {
        if (!sums.TryGetValue(key, out var sum))
        {
            sums[key] = sum = new UsageSums();
        }

        sum.Add(add);
    }

    /// <summary>Users are never deleted, so this only shows for a row whose user the database lost.</summary>
    private static MinimalUserDto UnknownUser(Guid id) => new() { Id = id, Username = "", Name = "", AvatarUrl = "" };

    private sealed record GroupKey(Guid? InitiatorId, string? Provider, string? Model, string? Client)
    {
        public static readonly IComparer<GroupKey> Order = Comparer<GroupKey>.Create((a, b) =>
        {
            var byUser = Nullable.Compare(a.InitiatorId, b.InitiatorId);
            if (byUser != 0)
            {
                return byUser;
            }

            var byProvider = string.CompareOrdinal(a.Provider, b.Provider);
            if (byProvider != 0)
            {
                return byProvider;
            }

            var byModel = string.CompareOrdinal(a.Model, b.Model);
            return byModel != 0 ? byModel : string.CompareOrdinal(a.Client, b.Client);
        });
    }
}

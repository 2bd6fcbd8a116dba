using AIBridge.Application.Gateway.Recording;
using AIBridge.Application.Usage;
using AIBridge.Domain.Usage;

namespace AIBridge.Infrastructure.Recording;

/// <summary>What one batch adds to one hourly (or daily) usage row, or to one row of a usage slice.</summary>
internal sealed class UsageRow(UsageKey key, UsageDimensions dimensions = UsageDimensions.None)
{
    public UsageKey Key { get; } = key;

    /// <summary>The dimensions a slice's row keeps; the full roll-ups' rows do not use it.</summary>
    public UsageDimensions Dimensions { get; } = dimensions;

    /// <summary>The sums a report reads; the cost stays null until a priced usage row is added.</summary>
    public UsageSums Sums { get; } = new();

    public long PricedUsageCount { get; set; }

    /// <summary>Reservations taken less those released; negative when more interceptions ended than started.</summary>
    public long ReservedMicros { get; set; }

    public void Add(UsageRow other)
    {
        Sums.Add(other.Sums);
        PricedUsageCount += other.PricedUsageCount;
        ReservedMicros += other.ReservedMicros;
    }
}

/// <summary>
/// A batch's additions to the hourly and daily usage roll-ups and their slices, folded with its rows so
/// that they commit, or fail, together: one upsert per (hour, user, provider, model, client) the batch
/// touched, one per day of those, and one per slice row they fall in.
/// </summary>
internal sealed class UsageRollup
{
    private readonly Dictionary<UsageKey, UsageRow> _rows = [];

    /// <summary>In key order, so that two writers adding to the same rows lock them in the same order.</summary>
    public IReadOnlyList<UsageRow> Rows => InKeyOrder(_rows.Values);

    /// <summary>The hours' rows summed by UTC day, each keyed by its day's first hour.</summary>
    public IReadOnlyList<UsageRow> Days => Fold([UsageDimensions.None], (key, _) => key with { Hour = key.Hour / 24 * 24 });

    public IReadOnlyList<UsageRow> HourSlices => Fold(UsageSlices.Kept, Slice);

    /// <summary>The hourly slices summed by UTC day, each keyed by its day's first hour.</summary>
    public IReadOnlyList<UsageRow> DaySlices => Fold(UsageSlices.Kept, (key, kept) => Slice(key, kept) with { Hour = key.Hour / 24 * 24 });

    /// <summary>The dimensions a slice does not keep hold an empty value, so that its rows sum over them.</summary>
    private static UsageKey Slice(UsageKey key, UsageDimensions kept) => new(
        key.Hour,
        kept.HasFlag(UsageDimensions.User) ? key.InitiatorId : Guid.Empty,
        kept.HasFlag(UsageDimensions.Provider) ? key.Provider : "",
        "",
        kept.HasFlag(UsageDimensions.Model) ? key.Model : "",
        kept.HasFlag(UsageDimensions.Client) ? key.Client : "");

    private List<UsageRow> Fold(IReadOnlyList<UsageDimensions> slices, Func<UsageKey, UsageDimensions, UsageKey> keyOf)
    {
        var folded = new Dictionary<(UsageDimensions, UsageKey), UsageRow>();
        foreach (var kept in slices)
        {
            foreach (var row in _rows.Values)
            {
                var key = keyOf(row.Key, kept);
                if (!folded.TryGetValue((kept, key), out var sum))
                {
                    sum = new UsageRow(key, kept);
                    folded[(kept, key)] = sum;
                }

                sum.Add(row);
            }
        }

        return InKeyOrder(folded.Values);
    }

    private static List<UsageRow> InKeyOrder(IEnumerable<UsageRow> rows) => rows
        .OrderBy(r => r.Dimensions).ThenBy(r => r.Key.Hour).ThenBy(r => r.Key.InitiatorId)
        .ThenBy(r => r.Key.Provider, StringComparer.Ordinal).ThenBy(r => r.Key.ProviderName, StringComparer.Ordinal)
        .ThenBy(r => r.Key.Model, StringComparer.Ordinal).ThenBy(r => r.Key.Client, StringComparer.Ordinal)
        .ToList();

    public void Started(InterceptionStarted start)
    {
        var row = Row(UsageKey.Of(start.Interception));
        row.Sums.Interceptions++;
        row.ReservedMicros += start.ReservedMicros;
    }

    public void Ended(InterceptionEnded end)
    {
        if (end.Rollup is not { } key)
        {
            return;
        }

        var row = Row(key);
        row.ReservedMicros -= end.ReservedMicros;
        if (end.Latency?.TtfbMs is { } ttfb)
        {
            row.Sums.Ttfb[TtfbHistogram.BucketOf(ttfb)]++;
        }
    }

    public void Used(TokenUsageRecorded used)
    {
        if (used.Rollup is not { } key)
        {
            return;
        }

        var row = Row(key);
        var usage = used.Usage;
        var sums = row.Sums;
        sums.InputTokens += usage.InputTokens;
        sums.OutputTokens += usage.OutputTokens;
        sums.CacheReadInputTokens += usage.CacheReadInputTokens;
        sums.CacheWriteInputTokens += usage.CacheWriteInputTokens;
        if (usage.CostMicros is { } cost)
        {
            sums.CostMicros = (sums.CostMicros ?? 0) + cost;
            row.PricedUsageCount++;
        }
        else
        {
            sums.UnpricedUsageCount++;
        }
    }

    public void Prompted(UserPromptRecorded prompt)
    {
        if (prompt.Rollup is { } key)
        {
            Row(key).Sums.Prompts++;
        }
    }

    public void Called(ToolUsageRecorded tool)
    {
        if (tool.Rollup is not { } key)
        {
            return;
        }

        var row = Row(key);
        if (tool.Tool.Injected)
        {
            row.Sums.InjectedToolCalls++;
        }
        else
        {
            row.Sums.ToolCalls++;
        }
    }

    private UsageRow Row(UsageKey key)
    {
        if (!_rows.TryGetValue(key, out var row))
        {
            row = new UsageRow(key);
            _rows[key] = row;
        }

        return row;
    }
}

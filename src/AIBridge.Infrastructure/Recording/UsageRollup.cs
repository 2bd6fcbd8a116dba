using AIBridge.Application.Gateway.Recording;
using AIBridge.Domain.Usage;

namespace AIBridge.Infrastructure.Recording;

/// <summary>What one batch adds to one hourly usage row.</summary>
internal sealed class UsageRow(UsageKey key)
{
    public UsageKey Key { get; } = key;

    public long Interceptions { get; set; }

    public long Prompts { get; set; }

    public long ToolCalls { get; set; }

    public long InjectedToolCalls { get; set; }

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    public long CacheReadInputTokens { get; set; }

    public long CacheWriteInputTokens { get; set; }

    /// <summary>Null while no priced usage row was added: the stored sum stays null until one is.</summary>
    public long? CostMicros { get; set; }

    public long UnpricedUsageCount { get; set; }

    /// <summary>Reservations taken less those released; negative when more interceptions ended than started.</summary>
    public long ReservedMicros { get; set; }

    public long[] Ttfb { get; } = new long[TtfbHistogram.Buckets];
}

/// <summary>
/// A batch's additions to the hourly usage roll-up, folded with its rows so that they commit, or fail,
/// together: one upsert per (hour, user, provider, model, client) the batch touched.
/// </summary>
internal sealed class UsageRollup
{
    private readonly Dictionary<UsageKey, UsageRow> _rows = [];

    /// <summary>In key order, so that two writers adding to the same rows lock them in the same order.</summary>
    public IReadOnlyList<UsageRow> Rows => _rows.Values
        .OrderBy(r => r.Key.Hour).ThenBy(r => r.Key.InitiatorId)
        .ThenBy(r => r.Key.Provider, StringComparer.Ordinal).ThenBy(r => r.Key.ProviderName, StringComparer.Ordinal)
        .ThenBy(r => r.Key.Model, StringComparer.Ordinal).ThenBy(r => r.Key.Client, StringComparer.Ordinal)
        .ToList();

    public void Started(InterceptionStarted start)
    {
        var row = Row(UsageKey.Of(start.Interception));
        row.Interceptions++;
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
            row.Ttfb[TtfbHistogram.BucketOf(ttfb)]++;
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
        row.InputTokens += usage.InputTokens;
        row.OutputTokens += usage.OutputTokens;
        row.CacheReadInputTokens += usage.CacheReadInputTokens;
        row.CacheWriteInputTokens += usage.CacheWriteInputTokens;
        if (usage.CostMicros is { } cost)
        {
            row.CostMicros = (row.CostMicros ?? 0) + cost;
        }
        else
        {
            row.UnpricedUsageCount++;
        }
    }

    public void Prompted(UserPromptRecorded prompt)
    {
        if (prompt.Rollup is { } key)
        {
            Row(key).Prompts++;
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
            row.InjectedToolCalls++;
        }
        else
        {
            row.ToolCalls++;
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

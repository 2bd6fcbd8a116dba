using System.Text.Json.Serialization;
using AIBridge.Application.Audit.Dtos;
using AIBridge.Domain.Usage;

namespace AIBridge.Application.Usage;

/// <summary>The figures of a report's totals and of each bucket: whole numbers, costs in micro-USD.</summary>
public record UsageFiguresDto
{
    public long Interceptions { get; init; }

    public long Prompts { get; init; }

    /// <summary>Tool calls the client ran.</summary>
    public long ToolCalls { get; init; }

    /// <summary>Tool calls the gateway injected and ran.</summary>
    public long InjectedToolCalls { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public long CacheReadInputTokens { get; init; }

    public long CacheWriteInputTokens { get; init; }

    /// <summary>Null only when every token-usage row counted is unpriced.</summary>
    public long? CostMicros { get; init; }

    /// <summary>Token-usage rows without a price, not in <see cref="CostMicros"/>.</summary>
    public long UnpricedUsageCount { get; init; }

    /// <summary>Median time to first byte, read from the histogram: the upper bound of its bucket.</summary>
    [JsonPropertyName("ttfb_ms_p50")]
    public int? TtfbMsP50 { get; init; }

    /// <summary>95th percentile time to first byte, read from the histogram: the upper bound of its bucket.</summary>
    [JsonPropertyName("ttfb_ms_p95")]
    public int? TtfbMsP95 { get; init; }

    public static UsageFiguresDto From(UsageSums sums) => Fill(new UsageFiguresDto(), sums);

    protected static T Fill<T>(T figures, UsageSums sums)
        where T : UsageFiguresDto => figures with
    {
        Interceptions = sums.Interceptions,
        Prompts = sums.Prompts,
        ToolCalls = sums.ToolCalls,
        InjectedToolCalls = sums.InjectedToolCalls,
        InputTokens = sums.InputTokens,
        OutputTokens = sums.OutputTokens,
        CacheReadInputTokens = sums.CacheReadInputTokens,
        CacheWriteInputTokens = sums.CacheWriteInputTokens,
        CostMicros = sums.CostMicros ?? (sums.UnpricedUsageCount > 0 ? null : 0),
        UnpricedUsageCount = sums.UnpricedUsageCount,
        TtfbMsP50 = TtfbHistogram.Percentile(sums.Ttfb, 0.50),
        TtfbMsP95 = TtfbHistogram.Percentile(sums.Ttfb, 0.95),
    };
}

/// <summary>One interval of one group; only the dimensions grouped by are present.</summary>
public sealed record UsageBucketDto : UsageFiguresDto
{
    /// <summary>When the interval starts (UTC); the window's start when the report has no intervals.</summary>
    public required DateTime Start { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MinimalUserDto? Initiator { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Provider { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Model { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Client { get; init; }

    public static UsageBucketDto From(DateTime start, UsageSums sums) => Fill(new UsageBucketDto { Start = start }, sums);
}

/// <summary>`GET /api/v2/aibridge/usage`: totals over the window and its buckets (empty ones left out).</summary>
/// <param name="StartedAfter">The window's start, widened to a whole hour.</param>
/// <param name="StartedBefore">The window's end (exclusive), widened to a whole hour.</param>
public sealed record UsageReportDto(
    string Interval, IReadOnlyList<string> GroupBy, string Tz, DateTime StartedAfter, DateTime StartedBefore,
    UsageFiguresDto Totals, IReadOnlyList<UsageBucketDto> Buckets);

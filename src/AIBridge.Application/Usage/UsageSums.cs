using AIBridge.Domain.Usage;

namespace AIBridge.Application.Usage;

/// <summary>The figures of some usage roll-up rows added up; what a report's totals and buckets are made of.</summary>
public sealed class UsageSums
{
    public long Interceptions { get; set; }

    public long Prompts { get; set; }

    public long ToolCalls { get; set; }

    public long InjectedToolCalls { get; set; }

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    public long CacheReadInputTokens { get; set; }

    public long CacheWriteInputTokens { get; set; }

    /// <summary>Null while none of the rows had a priced usage.</summary>
    public long? CostMicros { get; set; }

    public long UnpricedUsageCount { get; set; }

    public long[] Ttfb { get; } = new long[TtfbHistogram.Buckets];

    public long Tokens => InputTokens + OutputTokens + CacheReadInputTokens + CacheWriteInputTokens;

    public void Add(UsageSums other)
    {
        Interceptions += other.Interceptions;
        Prompts += other.Prompts;
        ToolCalls += other.ToolCalls;
        InjectedToolCalls += other.InjectedToolCalls;
        InputTokens += other.InputTokens;
        OutputTokens += other.OutputTokens;
        CacheReadInputTokens += other.CacheReadInputTokens;
        CacheWriteInputTokens += other.CacheWriteInputTokens;
        if (other.CostMicros is { } cost)
        {
            CostMicros = (CostMicros ?? 0) + cost;
        }

        UnpricedUsageCount += other.UnpricedUsageCount;
        for (var i = 0; i < Ttfb.Length; i++)
        {
            Ttfb[i] += other.Ttfb[i];
        }
    }
}

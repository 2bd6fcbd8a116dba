using System.Globalization;
using AIBridge.Application.Usage;
using CsvHelper;

namespace AIBridge.Web.Contracts;

/// <summary>
/// A usage report as CSV for spreadsheets: a header line, then one line per bucket with its start, the
/// dimensions grouped by (a user as id and username) and its figures; empty cells for unknown values.
/// </summary>
public static class UsageCsv
{
    private static readonly string[] Figures =
    [
        "interceptions", "prompts", "tool_calls", "injected_tool_calls", "input_tokens", "output_tokens", "cache_read_input_tokens",
        "cache_write_input_tokens", "cost_micros", "unpriced_usage_count", "ttfb_ms_p50", "ttfb_ms_p95",
    ];

    private static readonly string[] Start = ["start"];

    /// <summary>Names and models come from clients: a cell a spreadsheet would run as a formula is escaped.</summary>
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static string Write(UsageReportDto report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, true))
        {
            csv.WriteRecord([.. Start, .. report.GroupBy.SelectMany(Headers), .. Figures]);
            foreach (var bucket in report.Buckets)
            {
                csv.WriteRecord(
                [
                    bucket.Start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    .. report.GroupBy.SelectMany(d => Dimension(d, bucket)),
                    .. FigureValues(bucket).Select(v => v?.ToString(CultureInfo.InvariantCulture)!),
                ]);
            }
        }

        return text.ToString();
    }

    private static string[] Headers(string dimension) => dimension == "user" ? ["initiator_id", "initiator_username"] : [dimension];

    private static string[] Dimension(string dimension, UsageBucketDto bucket) => dimension switch
    {
        "user" => [bucket.Initiator?.Id.ToString() ?? "", bucket.Initiator?.Username ?? ""],
        "provider" => [bucket.Provider ?? ""],
        "model" => [bucket.Model ?? ""],
        _ => [bucket.Client ?? ""],
    };

    private static long?[] FigureValues(UsageFiguresDto f) =>
    [
        f.Interceptions, f.Prompts, f.ToolCalls, f.InjectedToolCalls, f.InputTokens, f.OutputTokens, f.CacheReadInputTokens,
        f.CacheWriteInputTokens, f.CostMicros, f.UnpricedUsageCount, f.TtfbMsP50, f.TtfbMsP95,
    ];
}

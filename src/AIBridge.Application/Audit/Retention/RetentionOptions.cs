namespace AIBridge.Application.Audit.Retention;

/// <summary>How long interceptions are kept, bound from the <c>AIBridge</c> section.</summary>
public sealed class RetentionOptions
{
    /// <summary><c>AIBridge:RetentionDays</c>: interceptions started longer ago are deleted daily; 0 keeps everything.</summary>
    public int RetentionDays { get; set; } = 60;

    /// <summary>How often the sweep runs; the spec's job is daily.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);
}

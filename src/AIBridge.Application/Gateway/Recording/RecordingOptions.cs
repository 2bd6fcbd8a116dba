namespace AIBridge.Application.Gateway.Recording;

/// <summary><c>AIBridge:Recording</c>.</summary>
public sealed class RecordingOptions
{
    public int MaxQueuedRecords { get; set; } = 1_000_000;

    public long MaxQueuedBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Records per batch at most; <see cref="SqliteBatchSize"/> is the default on SQLite.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// SQLite's default batch: each commit there costs log pages and checkpoints, so a backlog drains
    /// faster in larger batches; on PostgreSQL larger batches are slower (ADR 0013).
    /// </summary>
    public const int SqliteBatchSize = 2_000;

    /// <summary>
    /// Background writers, each with its own share of the users (ADR 0013). Always one on SQLite, which
    /// takes one writer at a time.
    /// </summary>
    public int Writers { get; set; } = 2;

    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How long a batch waits, at most, for a tool call that a request in it answers while the call's
    /// response is still being parsed (the client has the whole response before the parser reports its
    /// last calls). A batch waits only when the call is not known yet and one of the same user's earlier
    /// responses has ended but is not recorded yet; that takes well under a millisecond once warm, so
    /// this bounds the rare case of a cold or stalled process.
    /// </summary>
    public TimeSpan MaxLineageWait { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// With an in-process database (SQLite), batches are written at the lowest CPU priority while fewer
    /// records than this are queued, so that recording takes only cores the relay leaves idle; from this
    /// backlog on, at normal priority until it is drained. 0 writes every batch at normal priority.
    /// </summary>
    public int CatchUpRecords { get; set; } = 10_000;

    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ShutdownFlushTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long records may wait without a batch committing before <c>/readyz</c> says the recorder is stalled.</summary>
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromSeconds(30);
}

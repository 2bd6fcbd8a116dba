using System.Diagnostics.Metrics;

namespace AIBridge.Infrastructure.Recording;

/// <summary>The recorder's instruments, on meter <c>AIBridge.Recording</c>.</summary>
public sealed class RecordingMetrics : IDisposable
{
    public const string MeterName = "AIBridge.Recording";

    private readonly Meter _meter = new(MeterName);

    public RecordingMetrics(Func<long> queuedRecords, Func<long> queuedBytes)
    {
        _meter.CreateObservableGauge("aibridge_recording_queue_records", queuedRecords);
        _meter.CreateObservableGauge("aibridge_recording_queue_bytes", queuedBytes);
        Written = _meter.CreateCounter<long>("aibridge_recording_written_total");
        Dropped = _meter.CreateCounter<long>("aibridge_recording_dropped_total");
        Retries = _meter.CreateCounter<long>("aibridge_recording_retries_total");
        ParseAbandoned = _meter.CreateCounter<long>("aibridge_recording_parse_abandoned_total");
        BatchSeconds = _meter.CreateHistogram<double>("aibridge_recording_batch_seconds", "s");
    }

    public Counter<long> Written { get; }

    public Counter<long> Dropped { get; }

    public Counter<long> Retries { get; }

    public Counter<long> ParseAbandoned { get; }

    public Histogram<double> BatchSeconds { get; }

    /// <summary>When the last batch committed (a <see cref="TimeProvider"/> timestamp), 0 before the first.</summary>
    public long LastBatchAt => Interlocked.Read(ref _lastBatchAt);

    private long _lastBatchAt;

    public void BatchCommitted(long timestamp) => Interlocked.Exchange(ref _lastBatchAt, timestamp);

    public void Dispose() => _meter.Dispose();
}

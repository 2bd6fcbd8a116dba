namespace AIBridge.FunctionalTests.Infrastructure;

/// <summary>The system's clock moved forward by <see cref="Offset"/>: wall time jumps, timers and timestamps stay real.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

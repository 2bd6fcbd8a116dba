namespace AIBridge.Domain.Usage;

/// <summary>The dimensions of usage a report groups or filters by, as flags: a usage slice keeps some of them.</summary>
[Flags]
public enum UsageDimensions
{
    None = 0,
    User = 1,
    Provider = 2,
    Model = 4,
    Client = 8,
}

namespace AIBridge.Application.Usage;

public enum UsageInterval
{
    None,
    Hour,
    Day,
    Week,
    Month,
}

public enum UsageDimension
{
    User,
    Provider,
    Model,
    Client,
}

public enum UsageOrder
{
    Cost,
    Tokens,
    Interceptions,
}

/// <summary>A usage report's parameters, parsed; the window is whole hours, <c>[FromHour, ToHour)</c>.</summary>
public sealed record UsageRequest
{
    public required long FromHour { get; init; }

    public required long ToHour { get; init; }

    public required UsageInterval Interval { get; init; }

    public required IReadOnlyList<UsageDimension> GroupBy { get; init; }

    public required ZoneHours Zone { get; init; }

    public required UsageOrder OrderBy { get; init; }

    /// <summary>How many groups (of <see cref="GroupBy"/>) to report, the first by <see cref="OrderBy"/>.</summary>
    public required int Limit { get; init; }

    public Guid? InitiatorId { get; init; }

    public string? Provider { get; init; }

    public string? Model { get; init; }

    /// <summary>"Unknown" selects the traffic of no detected client.</summary>
    public string? Client { get; init; }
}

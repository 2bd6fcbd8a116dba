namespace AIBridge.Application.Authentication;

/// <summary>Section <c>AIBridge:Auth</c>.</summary>
public sealed record AuthSettings
{
    /// <summary>Lifetime of a login session token.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Longest lifetime a named token may ask for.</summary>
    public TimeSpan MaxTokenLifetime { get; init; } = TimeSpan.FromDays(365);

    /// <summary>Lifetime of a named token that asks for none.</summary>
    public TimeSpan DefaultTokenLifetime { get; init; } = TimeSpan.FromDays(30);
}

namespace AIBridge.Application.ApiKeys.Commands.CreateToken;

/// <summary>
/// The <c>lifetime</c> member as sent: a Go duration string, a number of seconds, or something else
/// (<see cref="Invalid"/>). Absent is a null value of this type.
/// </summary>
public sealed record TokenLifetimeValue(string? Duration, double? Seconds, bool Invalid = false);

using AIBridge.Application.Common.Security;

namespace AIBridge.Web.Authentication;

/// <summary>Security events as structured lines of their own category, so a SIEM can pick them out.</summary>
public sealed partial class SecurityLog(ILoggerFactory loggers) : ISecurityLog
{
    public const string Category = "AIBridge.Security";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public void Write(SecurityEvent securityEvent)
    {
        var e = securityEvent;
        if (e.Failure)
        {
            LogRefused(_logger, e.Name, e.UserId, e.Username, e.SubjectUserId, e.TokenId, e.ClientIp, e.Reason);
        }
        else
        {
            LogDone(_logger, e.Name, e.UserId, e.Username, e.SubjectUserId, e.TokenId, e.ClientIp, e.Reason);
        }
    }

    /// <summary>The id part of an AIBridge token, or null when the value is not one (it may be anything a client sent).</summary>
    public static string? TokenId(string? token) =>
        token is not null && Domain.ApiKeys.ApiKeyToken.TryParse(token, out var parsed, out _) ? parsed!.Id : null;

    private const string Template =
        "Security event {SecurityEvent}: user_id={UserId} username={Username} subject_user_id={SubjectUserId} token_id={TokenId} client_ip={ClientIp} reason={Reason}";

    [LoggerMessage(Level = LogLevel.Information, Message = Template)]
    private static partial void LogDone(ILogger logger, string securityEvent, Guid? userId, string? username, Guid? subjectUserId, string? tokenId, string? clientIp,
        string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = Template)]
    private static partial void LogRefused(ILogger logger, string securityEvent, Guid? userId, string? username, Guid? subjectUserId, string? tokenId, string? clientIp,
        string? reason);
}

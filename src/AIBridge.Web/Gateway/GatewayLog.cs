namespace AIBridge.Web.Gateway;

/// <summary>The gateway's log lines, all under the <see cref="GatewayHandler"/> category that operators filter on.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Interception {InterceptionId} started: {Route} provider={Provider} model={Model} user={UserId} username={Username} client={Client} streaming={Streaming} credential={CredentialKind} hint={CredentialHint} credential_length={CredentialLength} correlation_id={CorrelationId}")]
    public static partial void Started(ILogger logger, Guid interceptionId, string route, string provider, string model, Guid userId, string username, string client,
        bool streaming, string credentialKind, string credentialHint, int credentialLength, string correlationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interception {InterceptionId} ended: provider={Provider} user={UserId} username={Username} status={Status} duration_ms={DurationMs} bytes={Bytes} client_disconnected={Disconnected} error={ErrorType}")]
    public static partial void Ended(ILogger logger, Guid interceptionId, string provider, Guid userId, string username, int status, double durationMs, long bytes,
        bool disconnected, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream provider {Provider} is unreachable")]
    public static partial void Unreachable(ILogger logger, Exception exception, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request refused: user={UserId} username={Username} has spent their monthly budget (limit_micros={LimitMicros} spent_micros={SpentMicros})")]
    public static partial void BudgetSpent(ILogger logger, Guid userId, string username, long limitMicros, long spentMicros);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request refused: user={UserId} username={Username} reason={Reason}: {Detail}")]
    public static partial void Limited(ILogger logger, Guid userId, string username, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider {Provider}: key {KeyId} ({CredentialHint}) got {Status}; trying the next key of the pool")]
    public static partial void KeyFailedOver(ILogger logger, string provider, Guid keyId, int status, string credentialHint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upstream response to {Path} was cut short ({Reason}); aborting the client connection")]
    public static partial void CutShort(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "slow client {ClientIp} ({UserAgent}): a write took {FlushMs} ms; {Bytes} bytes relayed")]
    public static partial void SlowClient(ILogger logger, string? clientIp, string userAgent, long bytes, double flushMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording parser fell behind on interception {InterceptionId}; parsing abandoned")]
    public static partial void ParseAbandoned(ILogger logger, Guid interceptionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording parser failed on interception {InterceptionId}")]
    public static partial void ParserFailed(ILogger logger, Exception exception, Guid interceptionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gateway fault on {Method} {Path}")]
    public static partial void Fault(ILogger logger, Exception exception, string method, string path);
}

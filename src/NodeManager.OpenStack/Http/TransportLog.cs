using Microsoft.Extensions.Logging;

namespace NodeManager.OpenStack.Http;

// Only method, path, status, duration and request id: never headers (tokens) or bodies (passwords, user data).
internal static partial class TransportLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "OpenStack {Method} {Path} -> {Status} in {DurationMs:0} ms (request {RequestId})")]
    public static partial void Completed(ILogger logger, string method, string path, int status, double durationMs, string? requestId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "OpenStack {Method} {Path} -> {Status} in {DurationMs:0} ms (request {RequestId}): {CloudMessage}")]
    public static partial void Failed(ILogger logger, string method, string path, int status, double durationMs, string? requestId, string cloudMessage);

    // A 404 is how OpenStack answers "already gone" and "not created yet": the callers that poll a delete or look a
    // name up expect it, and a 404 that does matter reaches its caller as NotFoundException. Debug, not Warning.
    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "OpenStack {Method} {Path} -> 404 in {DurationMs:0} ms (request {RequestId}): {CloudMessage}")]
    public static partial void NotFound(ILogger logger, string method, string path, double durationMs, string? requestId, string cloudMessage);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "OpenStack {Call} failed ({Reason}); retry {Attempt} in {DelayMs:0} ms")]
    public static partial void Retrying(ILogger logger, string call, string reason, int attempt, double delayMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Keystone token for {Source} issued, expires {ExpiresAt:O}")]
    public static partial void TokenIssued(ILogger logger, string source, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "OpenStack {Call} answered 401; re-authenticating once")]
    public static partial void Reauthenticating(ILogger logger, string call);
}

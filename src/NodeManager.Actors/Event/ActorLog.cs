using Microsoft.Extensions.Logging;

namespace NodeManager.Actors;

/// <summary>The runtime's own log entries.</summary>
internal static partial class ActorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Actor {ActorPath} failed; supervisor directive: {Directive}")]
    public static partial void ActorFailed(this ILogger logger, Exception cause, ActorPath actorPath, Directive directive);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Actor {ActorPath} failed; supervisor directive: Resume")]
    public static partial void ActorFailedResuming(this ILogger logger, Exception cause, ActorPath actorPath);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Message [{MessageType}] from {Sender} to {Recipient} was not delivered (dead letter)")]
    public static partial void DeadLetter(this ILogger logger, string messageType, string sender, string recipient);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Message [{MessageType}] from {Sender} to {Recipient} was unhandled")]
    public static partial void Unhandled(this ILogger logger, string messageType, string sender, string recipient);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "{Suppressed} further dead letters and unhandled messages were not logged in the last {Window}")]
    public static partial void DeadLettersSuppressed(this ILogger logger, long suppressed, TimeSpan window);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Coordinated shutdown of {SystemName} started: {Reason}")]
    public static partial void ShutdownStarted(this ILogger logger, string systemName, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Coordinated shutdown task {TaskName} in phase {Phase} failed or timed out after {Timeout}")]
    public static partial void ShutdownTaskFailed(this ILogger logger, Exception? exception, string phase, string taskName, TimeSpan timeout);
}

using Microsoft.Extensions.Logging;

namespace NodeManager.Actors;

/// <summary>
/// Logs dead letters and unhandled messages (sender, recipient, message type), at most
/// <c>DeadLetterLogLimit</c> per <c>DeadLetterLogWindow</c>; the rest are counted and summarised
/// when the window ends, so a flood cannot drown the log. The actor system subscribes it to the event
/// stream when it creates it.
/// </summary>
internal sealed class DeadLetterLogger : ReceiveActor
{
    private readonly ActorSystemSettings _settings;
    private readonly ILogger _logger;
    private long _windowStart;
    private int _loggedInWindow;
    private long _suppressed;

    public DeadLetterLogger(ActorSystemSettings settings)
    {
        _settings = settings;
        _logger = settings.LoggerFactory.CreateLogger("NodeManager.Actors.DeadLetters");
        _windowStart = settings.TimeProvider.GetTimestamp();
        Receive<DeadLetter>(letter => Record(letter.Message, letter.Sender, letter.Recipient, unhandled: false));
        Receive<UnhandledMessage>(message => Record(message.Message, message.Sender, message.Recipient, unhandled: true));
    }

    protected internal override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Record(object message, IActorRef? sender, IActorRef recipient, bool unhandled)
    {
        if (_settings.DeadLetterLogLimit <= 0 || (!unhandled && message is IDeadLetterSuppression))
        {
            return;
        }

        var now = _settings.TimeProvider.GetTimestamp();
        if (_settings.TimeProvider.GetElapsedTime(_windowStart, now) >= _settings.DeadLetterLogWindow)
        {
            if (_suppressed > 0)
            {
                _logger.DeadLettersSuppressed(_suppressed, _settings.DeadLetterLogWindow);
            }

            _windowStart = now;
            _loggedInWindow = 0;
            _suppressed = 0;
        }

        if (++_loggedInWindow > _settings.DeadLetterLogLimit)
        {
            _suppressed++;
            return;
        }

        var type = message.GetType().FullName ?? message.GetType().Name;
        var from = sender?.Path.ToString() ?? "NoSender";
        if (unhandled)
        {
            _logger.Unhandled(type, from, recipient.Path.ToString());
        }
        else
        {
            _logger.DeadLetter(type, from, recipient.Path.ToString());
        }
    }
}

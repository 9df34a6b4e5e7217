namespace NodeManager.Actors;

internal sealed class TimeProviderScheduler(TimeProvider timeProvider) : IScheduler
{
    public TimeProvider TimeProvider { get; } = timeProvider;

    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender) =>
        ScheduledTell.Start(TimeProvider, Positive(delay, nameof(delay)), Timeout.InfiniteTimeSpan, receiver, message, sender);

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be positive");
        }

        return ScheduledTell.Start(TimeProvider, Positive(initialDelay, nameof(initialDelay)), interval, receiver, message, sender);
    }

    private static TimeSpan Positive(TimeSpan delay, string name) =>
        delay >= TimeSpan.Zero ? delay : throw new ArgumentOutOfRangeException(name, delay, "A delay cannot be negative");

    private sealed class ScheduledTell : ICancelable
    {
        private readonly IActorRef _receiver;
        private readonly object _message;
        private readonly IActorRef? _sender;
        private readonly bool _once;
        private ITimer? _timer;
        private volatile bool _cancelled;

        private ScheduledTell(IActorRef receiver, object message, IActorRef? sender, bool once)
        {
            _receiver = receiver;
            _message = message;
            _sender = sender;
            _once = once;
        }

        public bool IsCancellationRequested => _cancelled;

        public static ScheduledTell Start(TimeProvider time, TimeSpan due, TimeSpan period, IActorRef receiver, object message, IActorRef? sender)
        {
            ArgumentNullException.ThrowIfNull(receiver);
            ArgumentNullException.ThrowIfNull(message);
            var tell = new ScheduledTell(receiver, message, sender, once: period == Timeout.InfiniteTimeSpan);
            tell._timer = time.CreateTimer(static state => ((ScheduledTell)state!).Fire(), tell, due, period);
            return tell;
        }

        public void Cancel()
        {
            _cancelled = true;
            _timer?.Dispose();
        }

        private void Fire()
        {
            if (_cancelled)
            {
                return;
            }

            _receiver.Tell(_message, _sender);
            if (_once)
            {
                Cancel();
            }
        }
    }
}

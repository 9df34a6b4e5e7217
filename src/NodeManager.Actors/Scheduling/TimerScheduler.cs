namespace NodeManager.Actors;

internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    // Null while no timer is active: an idle actor (a node actor waits most of its life) keeps no empty dictionary.
    private Dictionary<object, Timer>? _timers;
    private int _generation;

    public void StartSingleTimer(object key, object msg, TimeSpan delay) => Start(key, msg, delay, Timeout.InfiniteTimeSpan);

    public void StartPeriodicTimer(object key, object msg, TimeSpan interval) => Start(key, msg, interval, interval);

    public void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval) =>
        Start(key, msg, initialDelay, interval);

    public bool IsTimerActive(object key) => _timers?.ContainsKey(key) == true;

    public void Cancel(object key)
    {
        if (_timers is not null && _timers.Remove(key, out var timer))
        {
            timer.Task.Cancel();
            DropIfEmpty();
        }
    }

    public void CancelAll()
    {
        if (_timers is null)
        {
            return;
        }

        foreach (var timer in _timers.Values)
        {
            timer.Task.Cancel();
        }

        _timers = null;
    }

    /// <returns>The user's message if the timer is still the current one for its key, else null.</returns>
    internal object? Accept(TimerMessage message)
    {
        if (_timers is null || !_timers.TryGetValue(message.Key, out var timer) || timer.Generation != message.Generation)
        {
            return null;
        }

        if (!timer.Periodic)
        {
            _timers.Remove(message.Key);
            DropIfEmpty();
        }

        return message.Message;
    }

    private void Start(object key, object msg, TimeSpan delay, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(msg);
        Cancel(key);
        var message = new TimerMessage(key, ++_generation, msg);
        var scheduler = cell.System.Scheduler;
        var periodic = interval != Timeout.InfiniteTimeSpan;
        var task = periodic
            ? scheduler.ScheduleTellRepeatedly(delay, interval, cell.Self, message, null)
            : scheduler.ScheduleTellOnce(delay, cell.Self, message, null);
        (_timers ??= []).Add(key, new Timer(message.Generation, periodic, task));
    }

    private void DropIfEmpty()
    {
        if (_timers is { Count: 0 })
        {
            _timers = null;
        }
    }

    /// <summary>What a timer puts in the mailbox; the generation tells a current timer from a replaced one.</summary>
    internal sealed record TimerMessage(object Key, int Generation, object Message) : IDeadLetterSuppression;

    private sealed record Timer(int Generation, bool Periodic, ICancelable Task);
}

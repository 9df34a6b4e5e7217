namespace NodeManager.Actors;

/// <summary>
/// An actor's keyed timers (Akka's <c>IWithTimers</c>). Starting a timer with a key in use
/// replaces it; a cancelled or replaced timer never delivers, even if its message was already
/// queued. Every timer is cancelled when the actor restarts or stops. Use on the actor's turn only.
/// </summary>
public interface ITimerScheduler
{
    void StartSingleTimer(object key, object msg, TimeSpan delay);

    void StartPeriodicTimer(object key, object msg, TimeSpan interval);

    void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval);

    bool IsTimerActive(object key);

    void Cancel(object key);

    void CancelAll();
}

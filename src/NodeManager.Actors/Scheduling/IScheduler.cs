namespace NodeManager.Actors;

/// <summary>Delivers messages later, on the system's <see cref="TimeProvider"/> (virtual time in tests).</summary>
public interface IScheduler
{
    TimeProvider TimeProvider { get; }

    ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender);

    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender);
}

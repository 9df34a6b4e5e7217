using Microsoft.Extensions.Logging;

namespace NodeManager.Actors;

/// <summary>
/// The base of every actor. Create actors only through <see cref="Props"/> and <c>ActorOf</c>;
/// a restart creates a fresh instance, so fields are the actor's state for one incarnation.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    protected ActorBase()
    {
        _cell = ActorCell.Constructing
            ?? throw new InvalidOperationException($"{GetType().Name} must be created through Props and ActorOf, not with new");
    }

    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the current message, or dead letters when there is none.</summary>
    protected IActorRef Sender => _cell.Sender;

    protected IActorContext Context => _cell;

    /// <summary>A logger whose category is the actor's type, with the actor's path in its scope.</summary>
    protected ILogger Log => _cell.Log;

    protected IStash Stash => _cell.Stash;

    /// <summary>Keyed timers that deliver messages to Self; all are cancelled on restart and stop.</summary>
    protected ITimerScheduler Timers => _cell.Timers;

    internal ActorCell Cell => _cell;

    /// <returns>False when the message was not handled; it then goes to <see cref="Unhandled"/>.</returns>
    protected internal abstract bool Receive(object message);

    /// <summary>
    /// Runs an asynchronous action with the mailbox suspended until it completes, as
    /// <c>ReceiveAsync</c> does; a fault fails the actor. Usable from handlers and PreStart.
    /// </summary>
    protected void RunTask(Func<Task> action) => _cell.RunTask(action);

    protected internal virtual void PreStart()
    {
    }

    protected internal virtual void PostStop()
    {
    }

    /// <summary>By default stops all children, then calls <see cref="PostStop"/>.</summary>
    protected internal virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>By default calls <see cref="PreStart"/>.</summary>
    protected internal virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>How this actor supervises its children; <see cref="Props.WithSupervisorStrategy"/> overrides it.</summary>
    protected internal virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.DefaultStrategy;

    /// <summary>
    /// Publishes <see cref="UnhandledMessage"/> (logged, rate-limited, with dead letters). An
    /// unhandled <see cref="Terminated"/> fails the actor with <see cref="DeathPactException"/>.
    /// </summary>
    protected internal virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        _cell.System.EventStream.Publish(new UnhandledMessage(message, _cell.CurrentEnvelope.Sender, Self));
    }

    // The runtime's entry points. Internal and virtual so the persistence layer (same assembly)
    // can wrap them, as Akka.Persistence wraps AroundReceive.
    internal virtual void OnConstructed()
    {
    }

    internal virtual void AroundReceive(object message)
    {
        if (!Receive(message))
        {
            Unhandled(message);
        }
    }

    internal virtual void AroundPreStart() => PreStart();

    internal virtual void AroundPostStop() => PostStop();

    internal virtual void AroundPreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal virtual void AroundPostRestart(Exception reason) => PostRestart(reason);
}

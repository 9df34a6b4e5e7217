using Microsoft.Extensions.Logging;
using NodeManager.Actors.Dispatch;

namespace NodeManager.Actors;

/// <summary>
/// The runtime side of one actor: its mailbox, its current instance, children, watchers, stash
/// and timers. Everything here runs on the actor's own turn unless a member says otherwise.
/// Split by concern: Lifecycle, Children, DeathWatch, Faults, Async.
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    // The cell whose actor is being constructed on this thread: ActorBase's constructor reads it
    // so that Self, Context and Receive work inside the actor's constructor, as in Akka.
    [ThreadStatic]
    private static ActorCell? t_constructing;

    // The cell whose turn is running on this thread: a Tell without a sender from inside an actor
    // is sent from that actor (Akka's implicit sender).
    [ThreadStatic]
    private static ActorCell? t_running;

    private readonly IInternalActorRef _parent;
    private ActorBase? _actor;
    private Envelope _current;
    private CellState _state;
    private ActorStash? _stash;
    private TimerScheduler? _timers;
    private ILogger? _log;

    public ActorCell(ActorSystem system, Props props, IInternalActorRef parent, ActorPath path)
    {
        System = system;
        Props = props;
        _parent = parent;
        Mailbox = new Mailbox(this, system.Settings.Throughput);
        Self = new LocalActorRef(this, path, Mailbox);
    }

    private enum CellState
    {
        Creating,
        Running,
        Terminating,
        Terminated,
    }

    internal static ActorCell? Constructing => t_constructing;

    /// <summary>The given sender or, when there is none and an actor's turn runs on this thread, that actor.</summary>
    internal static IActorRef? ImplicitSender(IActorRef? sender) => sender ?? t_running?.Self;

    /// <summary>The actor whose turn (or await continuation) runs on this thread, if any.</summary>
    internal static ActorCell? Running => t_running;

    internal static ActorCell? EnterTurn(ActorCell cell)
    {
        var previous = t_running;
        t_running = cell;
        return previous;
    }

    internal static void ExitTurn(ActorCell? previous) => t_running = previous;

    public ActorSystem System { get; }

    public Props Props { get; }

    public LocalActorRef Self { get; }

    IActorRef IActorContext.Self => Self;

    public IActorRef Parent => _parent;

    public IActorRef Sender => _current.Sender ?? System.DeadLetters;

    internal Mailbox Mailbox { get; }

    internal Envelope CurrentEnvelope => _current;

    internal ILogger Log => _log ??= new ActorLogger(System.LoggerFactory.CreateLogger(Props.ActorType), Self.Path);

    internal IStash Stash => _stash ??= new ActorStash(this);

    internal ITimerScheduler Timers => _timers ??= new TimerScheduler(this);

    public void Forward(IActorRef target, object message) => target.Tell(message, Sender);

    /// <summary>Turn only: one user message.</summary>
    internal void Invoke(Envelope envelope)
    {
        _current = envelope;
        try
        {
            switch (envelope.Message)
            {
                case TimerScheduler.TimerMessage timer:
                    if (_timers?.Accept(timer) is { } scheduled)
                    {
                        _current = new Envelope(scheduled, null);
                        _actor!.AroundReceive(scheduled);
                    }

                    break;
                case PoisonPill:
                    Stop(Self);
                    break;
                case Kill:
                    throw new ActorKilledException($"Kill message received by [{Self.Path}]");
                case Terminated terminated:
                    if (_terminatedQueued?.Remove(terminated.ActorRef) == true)
                    {
                        _actor!.AroundReceive(terminated);
                    }

                    break;
                default:
                    _actor!.AroundReceive(envelope.Message);
                    break;
            }
        }
        catch (Exception cause)
        {
            HandleInvokeFailure(cause, envelope.Message);
        }
    }

    /// <summary>Turn only: one system message.</summary>
    internal void SystemInvoke(SystemMessage message)
    {
        if (_state == CellState.Terminated)
        {
            OnSystemMessageAfterStop(message);
            return;
        }

        // While a task is awaited the actor's code may be running on another thread; anything
        // that could run actor code (supervision, restarts, stopping) waits until it is done.
        if (_awaitedTask is not null && message is not TaskCompleted)
        {
            (_deferred ??= []).Add(message);
            return;
        }

        switch (message)
        {
            case Dispatch.Create:
                Create();
                break;
            case TaskCompleted completed:
                OnTaskCompleted(completed.Task);
                break;
            case Watch watch:
                AddWatcher(watch.Watchee, watch.Watcher);
                break;
            case Unwatch unwatch:
                RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                break;
            case DeathWatchNotification notification:
                OnDeathWatchNotification(notification.Actor);
                break;
            case Failed failed:
                HandleFailed(failed);
                break;
            case Recreate recreate:
                FaultRecreate(recreate.Cause);
                break;
            case Resume:
                FaultResume();
                break;
            case Dispatch.Terminate:
                Terminate();
                break;
        }
    }

    /// <summary>Any thread: the mailbox has closed; answer as a dead actor would.</summary>
    internal void OnSystemMessageAfterStop(SystemMessage message)
    {
        if (message is Watch watch && !ReferenceEquals(watch.Watcher, Self))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(Self));
        }
    }

    /// <summary>Any thread.</summary>
    internal void DeadLetter(Envelope envelope) =>
        System.DeadLetters.Tell(new DeadLetter(envelope.Message, envelope.Sender, Self), envelope.Sender);

    public override string ToString() => $"ActorCell({Self.Path})";
}

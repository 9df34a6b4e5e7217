namespace NodeManager.Actors;

/// <summary>
/// Keeps one child alive, re-creating it after growing pauses (see <see cref="BackoffOptions"/>),
/// so a child that fails on a dependency (a database, a cloud) does not hammer it. Messages sent
/// to the supervisor are forwarded to the child (to dead letters while there is none).
/// </summary>
public sealed class BackoffSupervisor : ReceiveActor
{
    private const string ResetTimer = "reset-restart-count";
    private const string StartTimer = "start-child";

    private readonly BackoffOptions _options;
    private IActorRef? _child;
    private int _restartCount;
    private bool _restartWhenStopped;

    private BackoffSupervisor(BackoffOptions options)
    {
        _options = options;
        Receive<Terminated>(terminated => terminated.ActorRef.Equals(_child), _ => OnChildStopped());
        Receive<StartChild>(_ => Start());
        Receive<ResetRestartCount>(reset =>
        {
            if (reset.Current == _restartCount)
            {
                _restartCount = 0;
            }
        });
        Receive<GetCurrentChild>(_ => Sender.Tell(new CurrentChild(_child)));
        Receive<GetRestartCount>(_ => Sender.Tell(new RestartCount(_restartCount)));
        Receive<Reset>(_ => _restartCount = 0);
        ReceiveAny(message => Context.Forward(_child ?? Context.System.DeadLetters, message));
    }

    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Actors.Props.Create(() => new BackoffSupervisor(options));
    }

    protected internal override void PreStart() => Start();

    protected internal override SupervisorStrategy SupervisorStrategy() =>
        _options.Mode == BackoffMode.OnStop
            ? _options.Strategy
            : new OneForOneStrategy(cause =>
            {
                var directive = _options.Strategy.Decide(cause);
                if (directive != Directive.Restart)
                {
                    return directive;
                }

                // Stop now, re-create after the back-off when Terminated arrives.
                _restartWhenStopped = true;
                return Directive.Stop;
            });

    private void Start()
    {
        if (_child is not null)
        {
            return;
        }

        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        Timers.StartSingleTimer(ResetTimer, new ResetRestartCount(_restartCount), _options.ResetBackoff);
    }

    private void OnChildStopped()
    {
        _child = null;
        Timers.Cancel(ResetTimer);
        if (_options.Mode == BackoffMode.OnFailure && !_restartWhenStopped)
        {
            Context.Stop(Self); // the child chose to stop: so does its supervisor, as in Akka
            return;
        }

        _restartWhenStopped = false;
        var delay = _options.CalculateDelay(_restartCount, Random.Shared.NextDouble());
        _restartCount++;
        Timers.StartSingleTimer(StartTimer, StartChild.Instance, delay);
    }

    /// <summary>Ask for the current child; answered with <see cref="CurrentChild"/>.</summary>
    public sealed class GetCurrentChild
    {
        public static readonly GetCurrentChild Instance = new();

        private GetCurrentChild()
        {
        }
    }

    /// <param name="Ref">The child, or null while waiting to re-create it.</param>
    public sealed record CurrentChild(IActorRef? Ref);

    /// <summary>Ask for the number of consecutive restarts; answered with <see cref="RestartCount"/>.</summary>
    public sealed class GetRestartCount
    {
        public static readonly GetRestartCount Instance = new();

        private GetRestartCount()
        {
        }
    }

    public sealed record RestartCount(int Count);

    /// <summary>Resets the restart count so the next back-off is <c>minBackoff</c> again.</summary>
    public sealed class Reset
    {
        public static readonly Reset Instance = new();

        private Reset()
        {
        }
    }

    private sealed class StartChild
    {
        public static readonly StartChild Instance = new();
    }

    private sealed record ResetRestartCount(int Current);
}

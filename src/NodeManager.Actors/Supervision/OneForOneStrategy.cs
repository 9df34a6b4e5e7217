namespace NodeManager.Actors;

/// <summary>
/// Applies the decider's directive to the failed child only. A restart beyond
/// <c>maxNrOfRetries</c> within <c>withinTimeRange</c> stops the child instead
/// (negative retries = unlimited, 0 = never restart; an infinite range = no window).
/// </summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    private readonly Func<Exception, Directive> _decider;

    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        _decider = decider;
    }

    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }

    public int MaxNrOfRetries { get; }

    public TimeSpan WithinTimeRange { get; }

    public override Directive Decide(Exception cause) => _decider(cause);

    private protected override bool RequestRestartPermission(ActorCell supervisor, ChildRestartStats child) =>
        child.RequestRestartPermission(MaxNrOfRetries, WithinTimeRange, supervisor.System.TimeProvider);
}

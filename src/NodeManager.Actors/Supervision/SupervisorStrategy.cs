using Microsoft.Extensions.Logging;
using NodeManager.Actors.Dispatch;

namespace NodeManager.Actors;

/// <summary>Decides what happens to a failed child. See <see cref="OneForOneStrategy"/>.</summary>
public abstract class SupervisorStrategy
{
    /// <summary>Akka's default: restart on any exception, stop on initialization failures, Kill and death pacts.</summary>
    public static readonly SupervisorStrategy DefaultStrategy = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops a child on any failure.</summary>
    public static readonly SupervisorStrategy StoppingStrategy = new OneForOneStrategy(static _ => Directive.Stop);

    public static Directive DefaultDecider(Exception exception) => exception switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>The directive for a failure; called on the supervisor's turn.</summary>
    public abstract Directive Decide(Exception cause);

    /// <returns>False to escalate.</returns>
    internal bool HandleFailure(ActorCell supervisor, ChildRestartStats child, Exception cause)
    {
        var directive = Decide(cause);
        var target = (IInternalActorRef)child.Child;
        switch (directive)
        {
            case Directive.Resume:
                Log(child, cause, directive);
                target.SendSystemMessage(Resume.Instance);
                return true;
            case Directive.Restart when RequestRestartPermission(supervisor, child):
                Log(child, cause, directive);
                target.SendSystemMessage(new Recreate(cause));
                return true;
            case Directive.Restart:
            case Directive.Stop:
                Log(child, cause, Directive.Stop);
                supervisor.Stop(child.Child);
                return true;
            default:
                return false;
        }
    }

    private protected abstract bool RequestRestartPermission(ActorCell supervisor, ChildRestartStats child);

    private static void Log(ChildRestartStats child, Exception cause, Directive directive)
    {
        var logger = child.Child is LocalActorRef local ? local.Cell.Log : null;
        if (directive == Directive.Resume)
        {
            logger?.ActorFailedResuming(cause, child.Child.Path);
        }
        else
        {
            logger?.ActorFailed(cause, child.Child.Path, directive);
        }
    }
}

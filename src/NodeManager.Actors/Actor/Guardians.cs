using NodeManager.Actors.Dispatch;

namespace NodeManager.Actors;

/// <summary>
/// The top of the hierarchy, "/". It stops the system top-down: when "/user" has stopped it
/// stops "/system" (dead-letter logging and other runtime actors), and then itself.
/// </summary>
internal sealed class RootGuardian : ReceiveActor
{
    public RootGuardian()
    {
        Receive<Terminated>(terminated =>
        {
            if (terminated.ActorRef.Path.Name == "user" && Context.Child("system") is { } system)
            {
                Context.Stop(system);
            }
            else if (terminated.ActorRef.Path.Name == "system")
            {
                Context.Stop(Self);
            }
        });
    }

    protected internal override void PreStart()
    {
        foreach (var guardian in Context.Children)
        {
            Context.Watch(guardian);
        }
    }

    // A guardian that fails is stopped, which stops the system, as in Akka.
    protected internal override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;
}

/// <summary>"/user" and "/system": parents that restart failed children by the default strategy.</summary>
internal sealed class Guardian : ReceiveActor;

/// <summary>The root's parent: hears of the root's failure (stops it) and of its death (the system is terminated).</summary>
internal sealed class RootSupervisor(ActorSystem system, ActorPath path) : IInternalActorRef
{
    public ActorPath Path { get; } = path;

    public ActorSystem System { get; } = system;

    public bool IsTerminated => false;

    public void Tell(object message, IActorRef? sender = null)
    {
    }

    public void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                ((IInternalActorRef)failed.Child).SendSystemMessage(Terminate.Instance);
                break;
            case DeathWatchNotification:
                System.OnTerminated();
                break;
        }
    }
}

namespace NodeManager.Actors;

/// <summary>An actor's constructor or <c>PreStart</c> threw; the default decider stops such an actor.</summary>
public sealed class ActorInitializationException(IActorRef? actor, string message, Exception? cause)
    : Exception(message, cause)
{
    public IActorRef? Actor { get; } = actor;
}

/// <summary>Thrown inside an actor that received <see cref="Kill"/>.</summary>
public sealed class ActorKilledException(string message) : Exception(message);

/// <summary>An actor name is malformed or already taken by a live sibling.</summary>
public sealed class InvalidActorNameException(string message) : Exception(message);

/// <summary>An actor received <see cref="Terminated"/> for a watched actor and did not handle it.</summary>
public sealed class DeathPactException(IActorRef deadActor)
    : Exception($"Monitored actor [{deadActor.Path}] terminated and the watcher did not handle Terminated")
{
    public IActorRef DeadActor { get; } = deadActor;
}

namespace NodeManager.Actors;

/// <summary>
/// A handle to an actor. Telling is fire-and-forget and never throws: a message to a stopped
/// actor goes to <see cref="ActorSystem.DeadLetters"/>. Messages from one sender to one
/// receiver arrive in the order they were sent.
/// </summary>
public interface IActorRef
{
    ActorPath Path { get; }

    void Tell(object message, IActorRef? sender = null);
}

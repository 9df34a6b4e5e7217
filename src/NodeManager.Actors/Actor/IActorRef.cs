namespace NodeManager.Actors;

/// <summary>
/// A handle to an actor. Telling is fire-and-forget and never throws: a message to a stopped
/// actor goes to <see cref="ActorSystem.DeadLetters"/>. Messages from one sender to one
/// receiver arrive in the order they were sent.
/// </summary>
public interface IActorRef
{
    ActorPath Path { get; }

    /// <param name="sender">
    /// Who replies go to. Without one, a Tell made on an actor's turn is sent from that actor (as
    /// Akka's implicit sender); elsewhere the message has no sender and replies become dead letters.
    /// </param>
    void Tell(object message, IActorRef? sender = null);
}

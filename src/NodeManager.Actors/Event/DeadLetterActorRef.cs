using NodeManager.Actors.Dispatch;

namespace NodeManager.Actors;

/// <summary>Where undeliverable messages go: each is published on the event stream as a <see cref="DeadLetter"/>.</summary>
internal sealed class DeadLetterActorRef(ActorSystem system, ActorPath path) : IInternalActorRef
{
    public ActorPath Path { get; } = path;

    public ActorSystem System { get; } = system;

    public bool IsTerminated => true;

    public void Tell(object message, IActorRef? sender = null)
    {
        switch (message)
        {
            case DeadLetter { Message: DeadLetter }:
                return; // a dead letter that could not be delivered to a dead subscriber: stop here
            case DeadLetter deadLetter:
                System.EventStream.Publish(deadLetter);
                return;
            default:
                System.EventStream.Publish(new DeadLetter(message, ActorCell.ImplicitSender(sender), this));
                return;
        }
    }

    public void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this));
        }
    }

    public override string ToString() => $"[{Path}]";
}

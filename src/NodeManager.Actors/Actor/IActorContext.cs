namespace NodeManager.Actors;

/// <summary>
/// The actor's view of itself and the runtime. Use it only from the actor's own turn (its
/// handlers, lifecycle hooks and the continuations of its ReceiveAsync handlers).
/// </summary>
public interface IActorContext
{
    IActorRef Self { get; }

    /// <summary>The sender of the current message, or dead letters when there is none.</summary>
    IActorRef Sender { get; }

    IActorRef Parent { get; }

    ActorSystem System { get; }

    Props Props { get; }

    IEnumerable<IActorRef> Children { get; }

    /// <summary>Creates a child. Throws <see cref="InvalidActorNameException"/> if a live child already has the name.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>The live child with that name, or null.</summary>
    IActorRef? Child(string name);

    /// <summary>Stops a child (or self) asynchronously: children first, then PostStop.</summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers <see cref="Terminated"/> when the subject stops, at once if it already has.</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Stops watching; a Terminated not yet processed is dropped.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Sends a message to the target keeping the current sender as its sender.</summary>
    void Forward(IActorRef target, object message);
}

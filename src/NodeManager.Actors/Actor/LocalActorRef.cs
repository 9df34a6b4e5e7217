using NodeManager.Actors.Dispatch;

namespace NodeManager.Actors;

/// <summary>The reference to an actor living in this process. Equal only to itself: one incarnation.</summary>
internal sealed class LocalActorRef : IInternalActorRef
{
    private readonly Mailbox _mailbox;

    public LocalActorRef(ActorCell cell, ActorPath path, Mailbox mailbox)
    {
        Cell = cell;
        Path = path;
        _mailbox = mailbox;
    }

    public ActorPath Path { get; }

    public ActorSystem System => Cell.System;

    public bool IsTerminated => _mailbox.IsClosed;

    internal ActorCell Cell { get; }

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _mailbox.Post(new Envelope(message, ActorCell.ImplicitSender(sender)));
    }

    public void SendSystemMessage(SystemMessage message) => _mailbox.PostSystem(message);

    public override string ToString() => $"[{Path}]";
}

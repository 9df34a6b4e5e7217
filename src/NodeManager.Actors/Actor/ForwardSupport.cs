namespace NodeManager.Actors;

public static class ForwardSupport
{
    /// <summary>
    /// Sends the message on with the current message's sender (Akka's <c>Forward</c>). Call it
    /// from an actor's handler (or its ReceiveAsync continuation); elsewhere there is no current
    /// message and it throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public static void Forward(this IActorRef target, object message)
    {
        var cell = ActorCell.Running
            ?? throw new InvalidOperationException("Forward needs a current message: call it from an actor's handler, or use Tell with a sender");
        cell.Forward(target, message);
    }
}

namespace NodeManager.Actors;

public static class ActorRefs
{
    /// <summary>Use as the sender when there is none; replies then go to dead letters.</summary>
    public static readonly IActorRef? NoSender = null;

    /// <summary>A reference to no actor: messages to it vanish, watching it yields Terminated at once.</summary>
    public static readonly IActorRef Nobody = NobodyRef.Instance;
}

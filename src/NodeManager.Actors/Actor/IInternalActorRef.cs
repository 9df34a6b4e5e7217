using NodeManager.Actors.Dispatch;

namespace NodeManager.Actors;

/// <summary>What the runtime needs from every reference it creates: system messages and liveness.</summary>
internal interface IInternalActorRef : IActorRef
{
    ActorSystem System { get; }

    bool IsTerminated { get; }

    void SendSystemMessage(SystemMessage message);
}

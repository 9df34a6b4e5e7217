using NodeManager.Actors.Dispatch;

namespace NodeManager.Actors;

internal sealed class NobodyRef : IActorRef
{
    public static readonly NobodyRef Instance = new();

    private NobodyRef()
    {
    }

    public ActorPath Path { get; } = ActorPath.CreateRoot("akka://all-systems").Child("Nobody");

    public void Tell(object message, IActorRef? sender = null)
    {
    }

    /// <summary>Watching nobody is watching the dead: the watcher hears of it at once.</summary>
    internal static void NotifyWatcher(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(Instance));
        }
    }

    public override string ToString() => "[Nobody]";
}

namespace NodeManager.Actors.Dispatch;

/// <summary>
/// The runtime's own protocol between cells. System messages overtake user messages and are
/// processed even while the mailbox is suspended (after a failure, or while a task is awaited).
/// </summary>
internal abstract record SystemMessage;

/// <summary>Construct the actor and run <c>PreStart</c>; always the first message a cell processes.</summary>
internal sealed record Create : SystemMessage
{
    public static readonly Create Instance = new();
}

/// <summary>Stop: children first, then <c>PostStop</c>, then tell watchers and the parent.</summary>
internal sealed record Terminate : SystemMessage
{
    public static readonly Terminate Instance = new();
}

/// <summary>The supervisor's answer to a failure: replace the actor instance, keep the mailbox.</summary>
internal sealed record Recreate(Exception Cause) : SystemMessage;

/// <summary>The supervisor's answer to a failure: keep the instance and carry on.</summary>
internal sealed record Resume : SystemMessage
{
    public static readonly Resume Instance = new();
}

/// <summary>A child reports that it failed and has suspended itself.</summary>
internal sealed record Failed(IActorRef Child, Exception Cause) : SystemMessage;

internal sealed record Watch(IInternalActorRef Watchee, IInternalActorRef Watcher) : SystemMessage;

internal sealed record Unwatch(IInternalActorRef Watchee, IInternalActorRef Watcher) : SystemMessage;

/// <summary>The watched (or child) actor has stopped.</summary>
internal sealed record DeathWatchNotification(IActorRef Actor) : SystemMessage;

/// <summary>A task the actor awaits (ReceiveAsync, RunTask) has finished; the mailbox resumes.</summary>
internal sealed record TaskCompleted(Task Task) : SystemMessage;

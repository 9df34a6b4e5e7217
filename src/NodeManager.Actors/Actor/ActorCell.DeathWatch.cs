using NodeManager.Actors.Dispatch;

namespace NodeManager.Actors;

// Watch, Unwatch and Terminated. A Terminated is delivered only while the watcher still
// watches: unwatching drops one that is already queued, as in Akka.
internal sealed partial class ActorCell
{
    private HashSet<IActorRef>? _watching;
    private HashSet<IActorRef>? _terminatedQueued;
    private HashSet<IInternalActorRef>? _watchedBy;

    public IActorRef Watch(IActorRef subject)
    {
        if (ReferenceEquals(subject, Self) || !(_watching ??= []).Add(subject))
        {
            return subject;
        }

        switch (subject)
        {
            case IInternalActorRef target:
                target.SendSystemMessage(new Watch(target, Self));
                break;
            case NobodyRef:
                OnDeathWatchNotification(subject);
                break;
            default:
                throw new ArgumentException($"Cannot watch [{subject.Path}]: it is not an actor of this runtime", nameof(subject));
        }

        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        if (_watching?.Remove(subject) == true && subject is IInternalActorRef target)
        {
            target.SendSystemMessage(new Unwatch(target, Self));
        }

        _terminatedQueued?.Remove(subject);
        return subject;
    }

    private void AddWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (ReferenceEquals(watchee, Self) && !ReferenceEquals(watcher, Self))
        {
            (_watchedBy ??= []).Add(watcher);
        }
    }

    private void RemoveWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (ReferenceEquals(watchee, Self))
        {
            _watchedBy?.Remove(watcher);
        }
    }

    private void OnDeathWatchNotification(IActorRef actor)
    {
        if (FindChild(actor) is not null)
        {
            HandleChildTerminated(actor);
        }

        if (_watching?.Remove(actor) == true && _state < CellState.Terminating)
        {
            (_terminatedQueued ??= []).Add(actor);
            Self.Tell(new Terminated(actor), actor);
        }
    }

    private void TellWatchersWeDied()
    {
        if (_watchedBy is null)
        {
            return;
        }

        foreach (var watcher in _watchedBy)
        {
            if (!ReferenceEquals(watcher, _parent))
            {
                watcher.SendSystemMessage(new DeathWatchNotification(Self));
            }
        }

        _watchedBy = null;
    }

    private void UnwatchWatchedActors()
    {
        if (_watching is null)
        {
            return;
        }

        foreach (var subject in _watching)
        {
            if (subject is IInternalActorRef target)
            {
                target.SendSystemMessage(new Unwatch(target, Self));
            }
        }

        _watching = null;
        _terminatedQueued = null;
    }
}

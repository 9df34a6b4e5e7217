using NodeManager.Actors.Dispatch;

namespace NodeManager.Actors;

/// <summary>
/// A one-shot reference under <c>/temp</c> that completes a task with the first message it gets:
/// the reply address of an Ask, the watcher of a GracefulStop.
/// </summary>
internal sealed class PromiseActorRef<T> : IInternalActorRef
{
    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PromiseActorRef(ActorSystem system)
    {
        System = system;
        Path = system.NextTempPath();
    }

    public ActorPath Path { get; }

    public ActorSystem System { get; }

    public bool IsTerminated => _promise.Task.IsCompleted;

    public Task<T> Task => _promise.Task;

    public void Tell(object message, IActorRef? sender = null)
    {
        switch (message)
        {
            case T reply:
                _promise.TrySetResult(reply);
                break;
            case Status.Failure failure:
                _promise.TrySetException(failure.Cause);
                break;
            default:
                _promise.TrySetException(new InvalidCastException(
                    $"Expected a reply of type {typeof(T).FullName} from [{sender?.Path}], got {message.GetType().FullName}: {message}"));
                break;
        }
    }

    public void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification notification)
        {
            Tell(new Terminated(notification.Actor), notification.Actor);
        }
    }

    public bool TrySetException(Exception exception) => _promise.TrySetException(exception);

    public bool TrySetCanceled(CancellationToken cancellationToken) => _promise.TrySetCanceled(cancellationToken);

    public override string ToString() => $"[{Path}]";
}

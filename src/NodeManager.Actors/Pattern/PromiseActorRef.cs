using NodeManager.Actors.Dispatch;

namespace NodeManager.Actors;

/// <summary>
/// A one-shot reference under <c>/temp</c> that completes a task with the first message it gets:
/// the reply address of an Ask, the watcher of a GracefulStop. Its timeout timer and cancellation
/// registration are released as soon as it completes, however it completes.
/// </summary>
internal sealed class PromiseActorRef<T> : IInternalActorRef
{
    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ActorPath? _path;
    private ITimer? _timeout;
    private CancellationTokenRegistration _cancellation;
    private IActorRef? _target;
    private Type? _messageType;
    private TimeSpan _after;

    public PromiseActorRef(ActorSystem system) => System = system;

    /// <summary>Named on first use only: most promises are answered without anyone asking their name.</summary>
    public ActorPath Path => LazyInitializer.EnsureInitialized(ref _path, System.NextTempPath);

    public ActorSystem System { get; }

    public bool IsTerminated => _promise.Task.IsCompleted;

    public Task<T> Task => _promise.Task;

    /// <summary>
    /// Fails the promise with <see cref="AskTimeoutException"/> after <paramref name="timeout"/> on
    /// the system's clock, and cancels it with the token. The exception names
    /// <paramref name="target"/> and, for an Ask, <paramref name="messageType"/>; without a message
    /// type it reads as a GracefulStop that timed out. Kept as plain fields rather than a closure:
    /// this runs on every Ask, and the exception is only built in the rare case it times out.
    /// </summary>
    public void Arm(TimeSpan timeout, IActorRef target, Type? messageType, CancellationToken cancellationToken)
    {
        _target = target;
        _messageType = messageType;
        _after = timeout;
        _timeout = System.TimeProvider.CreateTimer(
            static state =>
            {
                var promise = (PromiseActorRef<T>)state!;
                promise.Complete(promise._promise.TrySetException(promise.TimedOut()));
            },
            this,
            timeout,
            Timeout.InfiniteTimeSpan);
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.Register(
                static state =>
                {
                    var promise = (PromiseActorRef<T>)state!;
                    promise.Complete(promise._promise.TrySetCanceled());
                },
                this);
        }

        if (_promise.Task.IsCompleted)
        {
            Complete(true); // answered before the timer existed
        }
    }

    public void Tell(object message, IActorRef? sender = null)
    {
        var completed = message switch
        {
            T reply => _promise.TrySetResult(reply),
            Status.Failure failure => _promise.TrySetException(failure.Cause),
            _ => _promise.TrySetException(new InvalidCastException(
                $"Expected a reply of type {typeof(T).FullName} from [{sender?.Path}], got {message.GetType().FullName}: {message}")),
        };
        Complete(completed);
    }

    public void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification notification)
        {
            Tell(new Terminated(notification.Actor), notification.Actor);
        }
    }

    public override string ToString() => $"[{Path}]";

    private AskTimeoutException TimedOut() => _messageType is null
        ? new AskTimeoutException($"[{_target!.Path}] did not stop within {_after}")
        : new AskTimeoutException(
            $"Ask timed out on [{_target!.Path}] after {_after.TotalMilliseconds} ms; message of type {_messageType.FullName} got no reply");

    private void Complete(bool completedNow)
    {
        if (completedNow)
        {
            _timeout?.Dispose();
            _cancellation.Unregister();
        }
    }
}

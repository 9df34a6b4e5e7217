namespace NodeManager.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers, declared in the constructor or inside
/// <see cref="Become"/>: the first handler whose type (and predicate) matches gets the message.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private Behavior _behavior = new();
    private Stack<Behavior>? _stacked;
    private Behavior? _configuring;
    private bool _constructed;

    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new SyncHandler<T>(handler, shouldHandle));
    }

    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler) => Receive(handler, shouldHandle);

    /// <summary>
    /// Handles a message asynchronously: no other message is processed until the task completes,
    /// and a fault fails the actor as a thrown exception would.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new AsyncHandler<T>(handler, shouldHandle, Cell));
    }

    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler) => ReceiveAsync(handler, shouldHandle);

    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new SyncHandler<object>(handler, null));
    }

    /// <summary>Replaces the current behaviour with the handlers <paramref name="configure"/> declares.</summary>
    protected void Become(Action configure)
    {
        var behavior = Build(configure);
        if (_stacked is { Count: > 0 })
        {
            _stacked.Pop();
            _stacked.Push(behavior);
        }

        _behavior = behavior;
    }

    /// <summary>Pushes a new behaviour; <see cref="UnbecomeStacked"/> returns to the previous one.</summary>
    protected void BecomeStacked(Action configure)
    {
        var behavior = Build(configure);
        (_stacked ??= new()).Push(_behavior);
        _behavior = behavior;
    }

    protected void UnbecomeStacked()
    {
        if (_stacked is { Count: > 0 })
        {
            _behavior = _stacked.Pop();
        }
    }

    protected internal override bool Receive(object message) => _behavior.TryHandle(message);

    internal override void OnConstructed() => _constructed = true;

    private Behavior Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _configuring;
        _configuring = new Behavior();
        try
        {
            configure();
            return _configuring;
        }
        finally
        {
            _configuring = previous;
        }
    }

    private Behavior Configuring() =>
        _configuring
        ?? (_constructed
            ? throw new InvalidOperationException("Receive handlers may only be declared in the constructor or inside Become")
            : _behavior);

    // A plain array: one behaviour per actor instance, so the List wrapper would be pure overhead.
    private sealed class Behavior
    {
        private Handler[] _handlers = [];

        public void Add(Handler handler) => _handlers = [.. _handlers, handler];

        public bool TryHandle(object message)
        {
            foreach (var handler in _handlers)
            {
                if (handler.TryHandle(message))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private abstract class Handler
    {
        public abstract bool TryHandle(object message);
    }

    private sealed class SyncHandler<T>(Action<T> handle, Predicate<T>? shouldHandle) : Handler
    {
        public override bool TryHandle(object message)
        {
            if (message is not T typed || (shouldHandle is not null && !shouldHandle(typed)))
            {
                return false;
            }

            handle(typed);
            return true;
        }
    }

    private sealed class AsyncHandler<T>(Func<T, Task> handle, Predicate<T>? shouldHandle, ActorCell cell) : Handler
    {
        public override bool TryHandle(object message)
        {
            if (message is not T typed || (shouldHandle is not null && !shouldHandle(typed)))
            {
                return false;
            }

            cell.RunTask(() => handle(typed));
            return true;
        }
    }
}

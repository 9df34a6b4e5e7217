namespace NodeManager.Actors;

/// <summary>Request-reply from outside an actor (or from a ReceiveAsync handler).</summary>
public static class Futures
{
    /// <summary>Asks with the system's default timeout (<c>node-manager.actors.ask-timeout</c>).</summary>
    public static Task<T> Ask<T>(this IActorRef target, object message, CancellationToken cancellationToken = default) =>
        target.Ask<T>(message, Internal(target).System.Settings.AskTimeout, cancellationToken);

    /// <summary>
    /// Sends <paramref name="message"/> with a temporary reply address and completes with the first
    /// reply. A <see cref="Status.Failure"/> reply is thrown; a reply of another type throws
    /// <see cref="InvalidCastException"/>; no reply within <paramref name="timeout"/> (on the
    /// system's TimeProvider) throws <see cref="AskTimeoutException"/>.
    /// </summary>
    public static Task<T> Ask<T>(this IActorRef target, object message, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var internalTarget = Internal(target);
        if (internalTarget.IsTerminated)
        {
            return Task.FromException<T>(new AskTimeoutException(
                $"Ask to [{target.Path}] with a message of type {message.GetType().FullName} failed: the recipient had already stopped"));
        }

        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "An ask timeout must be positive");
        }

        var promise = new PromiseActorRef<T>(internalTarget.System);
        promise.Arm(timeout, target, message.GetType(), cancellationToken);
        target.Tell(message, promise);
        return promise.Task;
    }

    internal static IInternalActorRef Internal(IActorRef target) =>
        target as IInternalActorRef
        ?? throw new ArgumentException($"[{target.Path}] is not an actor of this runtime", nameof(target));
}

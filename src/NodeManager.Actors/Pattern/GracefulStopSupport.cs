using NodeManager.Actors.Dispatch;

namespace NodeManager.Actors;

public static class GracefulStopSupport
{
    /// <summary>
    /// Sends <see cref="PoisonPill"/> (after the messages already queued) and waits for the actor
    /// to stop. True once it has stopped (also if it already had); false if it did not within
    /// <paramref name="timeout"/>, in which case it keeps running.
    /// </summary>
    public static async Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object? stopMessage = null)
    {
        var internalTarget = Futures.Internal(target);
        var watcher = new PromiseActorRef<Terminated>(internalTarget.System);
        watcher.Arm(timeout, target, messageType: null, CancellationToken.None);
        internalTarget.SendSystemMessage(new Watch(internalTarget, watcher));
        target.Tell(stopMessage ?? PoisonPill.Instance);
        try
        {
            await watcher.Task.ConfigureAwait(false);
            return true;
        }
        catch (AskTimeoutException)
        {
            internalTarget.SendSystemMessage(new Unwatch(internalTarget, watcher));
            return false;
        }
    }
}

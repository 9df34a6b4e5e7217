using Microsoft.Extensions.Logging;
using NodeManager.Actors.Dispatch;

namespace NodeManager.Actors;

// Creation, restart and stop. Restart and stop wait for stopping children before they finish,
// so that a new incarnation never overlaps the old one's children and PostStop runs bottom-up.
internal sealed partial class ActorCell
{
    private Exception? _recreateCause;

    /// <summary>Any thread: the first message; nothing runs before the actor exists.</summary>
    internal void Start() => Mailbox.PostSystem(Dispatch.Create.Instance);

    private void Create()
    {
        try
        {
            _actor = NewActor();
            _state = CellState.Running;
            _actor.AroundPreStart();
        }
        catch (Exception cause)
        {
            HandleInvokeFailure(InitializationFailure(cause), message: null);
        }
    }

    private ActorBase NewActor()
    {
        var previous = t_constructing;
        t_constructing = this;
        try
        {
            var actor = Props.NewActor();
            if (!ReferenceEquals(actor.Cell, this))
            {
                throw new InvalidOperationException(
                    $"The Props factory for [{Self.Path}] returned an existing instance; it must create a new actor each time");
            }

            actor.OnConstructed();
            return actor;
        }
        finally
        {
            t_constructing = previous;
        }
    }

    private ActorInitializationException InitializationFailure(Exception cause) =>
        cause as ActorInitializationException
        ?? new ActorInitializationException(Self, $"Exception while creating [{Self.Path}]: {cause.Message}", cause);

    private void Terminate()
    {
        if (_state >= CellState.Terminating)
        {
            return;
        }

        _state = CellState.Terminating;
        Mailbox.Suspend();
        if (StopChildren() == 0)
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        try
        {
            _actor?.AroundPostStop();
        }
        catch (Exception exception)
        {
            Log.LogError(exception, "PostStop of {ActorPath} threw", Self.Path);
        }
        finally
        {
            _state = CellState.Terminated;
            _timers?.CancelAll();
            if (_stash is not null)
            {
                foreach (var envelope in _stash.ClearAll())
                {
                    DeadLetter(envelope);
                }
            }

            Mailbox.Close();
            _actor = null;
            _deferred = null;
            _parent.SendSystemMessage(new DeathWatchNotification(Self));
            TellWatchersWeDied();
            UnwatchWatchedActors();
        }
    }

    private void FaultRecreate(Exception cause)
    {
        if (_state >= CellState.Terminating)
        {
            return;
        }

        EnsureFailed();
        if (_actor is null)
        {
            // Creation itself failed: there is nothing to restart, only to create again.
            ClearFailed();
            Create();
            return;
        }

        // Timers die with the incarnation; stashed messages go back to the mailbox for the next one.
        _timers?.CancelAll();
        _stash?.UnstashAll();
        try
        {
            _actor.AroundPreRestart(cause, _failedMessage);
        }
        catch (Exception exception)
        {
            Log.LogError(exception, "PreRestart of {ActorPath} threw", Self.Path);
        }

        _failedMessage = null;
        _actor = null;
        if (HasStoppingChildren())
        {
            _recreateCause = cause;
        }
        else
        {
            FinishRecreate(cause);
        }
    }

    private void FinishRecreate(Exception cause)
    {
        _recreateCause = null;
        ClearFailed();
        try
        {
            _actor = NewActor();
            _actor.AroundPostRestart(cause);
        }
        catch (Exception exception)
        {
            HandleInvokeFailure(InitializationFailure(exception), message: null);
        }

        // Children that PreRestart chose to keep are restarted too, as in Akka.
        foreach (var survivor in LiveChildren())
        {
            ((IInternalActorRef)survivor).SendSystemMessage(new Recreate(cause));
        }
    }

    private void FaultResume()
    {
        if (!_failed || _state >= CellState.Terminating)
        {
            return;
        }

        ClearFailed();
        foreach (var child in LiveChildren())
        {
            ((IInternalActorRef)child).SendSystemMessage(Dispatch.Resume.Instance);
        }
    }
}

using Microsoft.Extensions.Logging;
using NodeManager.Actors.Dispatch;

namespace NodeManager.Actors;

// Failure and supervision. A failing actor suspends its mailbox (so the message queue survives a
// restart) and asks its parent; the parent's strategy answers with Resume, Recreate or Terminate,
// or escalates by failing itself with the same cause.
internal sealed partial class ActorCell
{
    private bool _failed;
    private object? _failedMessage;

    private void HandleInvokeFailure(Exception cause, object? message)
    {
        if (_state >= CellState.Terminating)
        {
            Log.LogError(cause, "{ActorPath} failed while stopping", Self.Path);
            return;
        }

        if (_failed)
        {
            return; // already waiting for the supervisor's verdict on an earlier failure
        }

        _failed = true;
        _failedMessage = message;
        Mailbox.Suspend();
        _parent.SendSystemMessage(new Failed(Self, cause));
    }

    private void HandleFailed(Failed failed)
    {
        if (FindChild(failed.Child) is not { IsStopping: false } stats)
        {
            return; // a late report from a child that is already on its way out
        }

        var strategy = Props.SupervisorStrategy ?? _actor?.SupervisorStrategy() ?? SupervisorStrategy.DefaultStrategy;
        if (!strategy.HandleFailure(this, stats, failed.Cause))
        {
            HandleInvokeFailure(failed.Cause, message: null);
        }
    }

    private void EnsureFailed()
    {
        if (!_failed)
        {
            _failed = true;
            Mailbox.Suspend();
        }
    }

    private void ClearFailed()
    {
        _failed = false;
        _failedMessage = null;
        Mailbox.Resume();
    }
}

using Akka.Actor;
using NodeManager.Core.Scaling;
using static NodeManager.Core.Nodes.NodeLifecycle;

namespace NodeManager.Core.Nodes;

/// <summary>
/// Passivation: an Active node does nothing until a drain or a check comes, and there may be a hundred thousand of
/// them, so after <c>passivate-after</c> without a command it asks its district to stop it (<see cref="Passivate"/>).
/// The district answers <see cref="StopIdle"/> through the mailbox, after every command it sent before; the node stops
/// only if it is still idle. Its state is all in the journal, so the district recreates it when it is needed again.
/// </summary>
public sealed partial class NodeLifecycleActor
{
    private const string PassivateTimer = "passivate";

    private DateTimeOffset _lastActivity;

    /// <summary>Active with nothing running and nothing to clean up: stopping it loses nothing.</summary>
    private bool IsIdle => _state.Phase == NodePhase.Active && !_busy && _state.Cleanup is null && _launch is null;

    /// <summary>Any command but the actor's own timers counts as activity.</summary>
    private void NoteActivity(object message)
    {
        if (message is not (Tick or IdleCheck)) _lastActivity = Now;
    }

    /// <summary>After every change: an Active node starts counting its idle time; any other phase never passivates.</summary>
    private void ArmPassivation()
    {
        _lastActivity = Now;
        if (_settings.PassivateAfter is { } after && _state.Phase == NodePhase.Active)
            Timers.StartSingleTimer(PassivateTimer, IdleCheck.Instance, after);
        else
            Timers.Cancel(PassivateTimer);
    }

    private void OnIdleCheck()
    {
        if (_settings.PassivateAfter is not { } after || _state.Phase != NodePhase.Active) return;
        var idleFor = Now - _lastActivity;
        if (IsIdle && idleFor >= after) Context.Parent.Tell(new Passivate(_state.LaunchId));
        // Asked again later should the district not stop it; otherwise checked again once the rest of the time is up.
        Timers.StartSingleTimer(PassivateTimer, IdleCheck.Instance, IsIdle && idleFor < after ? after - idleFor : after);
    }

    private void OnStopIdle()
    {
        if (IsIdle)
        {
            Context.Stop(Self);
            return;
        }

        Context.Parent.Tell(new PassivationDeclined(_state.LaunchId));
    }
}

using Akka.Actor;
using Microsoft.Extensions.Logging;
using NodeManager.Core.Nodes;

namespace NodeManager.Core.Districts;

/// <summary>
/// Passivation of idle node actors (Akka's pattern): a node Active and idle for <c>passivate-after</c> sends
/// <see cref="NodeLifecycle.Passivate"/>; the district answers <see cref="NodeLifecycle.StopIdle"/> and holds every
/// command for that node until its actor has stopped or declined. A passivated node keeps its view here (status and the
/// policy read it as before) and is recreated from its journal, persistence id unchanged, the moment a command is
/// addressed to it; the commands held meanwhile are delivered to the new actor, which handles them once recovered.
/// After a restart every live node starts again, and the idle ones passivate again.
/// </summary>
public sealed partial class DistrictSupervisorActor
{
    // Node actors told to stop while idle, with the commands addressed to them since.
    private readonly Dictionary<string, List<object>> _passivating = new(StringComparer.Ordinal);

    // Live nodes whose actors are stopped; their last view stays in _views.
    private readonly HashSet<string> _passivated = new(StringComparer.Ordinal);

    private void CommandPassivation()
    {
        Command<NodeLifecycle.Passivate>(OnPassivate);
        Command<NodeLifecycle.PassivationDeclined>(OnPassivationDeclined);
    }

    /// <summary>
    /// Delivers <paramref name="message"/> to a live node: held while its actor stops, to a recreated actor when it was
    /// passivated. A node whose actor is waiting to be recreated after a journal failure gets nothing (the next capacity
    /// cycle or the operator asks again).
    /// </summary>
    private void TellNode(string launchId, object message)
    {
        if (_passivating.TryGetValue(launchId, out var held))
        {
            held.Add(message);
            return;
        }

        if (_passivated.Contains(launchId)) Reactivate(launchId);
        if (_children.TryGetValue(launchId, out var child)) child.Tell(message);
    }

    private void OnPassivate(NodeLifecycle.Passivate request)
    {
        if (_passivating.ContainsKey(request.LaunchId) || !_children.TryGetValue(request.LaunchId, out var child) || !child.Equals(Sender))
            return;
        _passivating[request.LaunchId] = [];
        child.Tell(NodeLifecycle.StopIdle.Instance);
    }

    private void OnPassivationDeclined(NodeLifecycle.PassivationDeclined declined)
    {
        if (!_passivating.Remove(declined.LaunchId, out var held) || !_children.TryGetValue(declined.LaunchId, out var child)) return;
        foreach (var message in held) child.Tell(message);
    }

    /// <summary>
    /// A node actor stopped: true when it stopped because it was idle. With commands held for it, it is recreated at once
    /// and they are delivered; else it stays passivated until one comes.
    /// </summary>
    private bool StoppedIdle(string launchId)
    {
        if (!_passivating.Remove(launchId, out var held)) return false;
        _passivated.Add(launchId);
        _services.Board.CountPassivated(1);
        LogPassivated(_log, Name, launchId);
        foreach (var message in held) TellNode(launchId, message);
        return true;
    }

    private void Reactivate(string launchId)
    {
        _passivated.Remove(launchId);
        _services.Board.CountPassivated(-1);
        LogReactivated(_log, Name, launchId);
        StartNode(launchId);
    }

    /// <summary>The district stops (shutdown, journal failure): its passivated nodes no longer count.</summary>
    protected override void PostStop()
    {
        _services.Board.CountPassivated(-_passivated.Count);
        _passivated.Clear();
        base.PostStop();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{District}: {LaunchId} idle, its actor stopped (passivated)")]
    private static partial void LogPassivated(ILogger logger, string district, string launchId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{District}: {LaunchId} needed again, recreating its actor from the journal")]
    private static partial void LogReactivated(ILogger logger, string district, string launchId);
}

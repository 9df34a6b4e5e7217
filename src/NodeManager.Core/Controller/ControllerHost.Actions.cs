using Akka.Actor;
using NodeManager.Core.Capacity;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Operations;
using NodeManager.Core.Scaling;
using NodeManager.Core.Status;

namespace NodeManager.Core.Controller;

public sealed partial class ControllerHost : IControllerActions
{
    // A district answers an action once it is journaled; a journal write rarely takes this long.
    private static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Finds the target on the board (any member's districts), then asks the owning district through the shard region.
    /// Retry and forget look for a Failed node of that name first: a live node may hold the name again since.
    /// A scale-now, once the district has recorded it, asks the capacity watcher (wherever the singleton runs) to evaluate.
    /// </summary>
    public async Task<OperatorOutcome> ActAsync(OperatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string district;
        string? launchId = null;
        if (request.Action.TargetsNode())
        {
            var candidates = AllNodes().Where(n => n.Host == request.Target || n.ServerName == request.Target || n.LaunchId == request.Target);
            var node = request.Action is OperatorAction.Retry or OperatorAction.Forget
                ? candidates.OrderBy(n => n.Phase == NodePhase.Failed ? 0 : 1).FirstOrDefault()
                : candidates.OrderBy(n => n.Phase.IsTerminal() ? 1 : 0).FirstOrDefault();
            if (node is null)
                return OperatorOutcome.Refused(OperatorVerdict.UnknownTarget, request, _time.GetUtcNow(), $"No node has the host or server name '{request.Target}'.");
            district = node.District;
            launchId = node.LaunchId;
        }
        else
        {
            if (!Board.Districts.ContainsKey(request.Target))
                return OperatorOutcome.Refused(OperatorVerdict.UnknownTarget, request, _time.GetUtcNow(), $"No district is named '{request.Target}'.");
            district = request.Target;
        }

        OperatorOutcome outcome;
        try
        {
            outcome = await Districts.Ask<OperatorOutcome>(
                DistrictEntity.To(district, new DistrictSupervisor.Operate(request, launchId)), ActionTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw new TimeoutException($"district {district} did not answer within {ActionTimeout}", e);
        }

        if (request.Action == OperatorAction.ScaleNow && outcome.Verdict == OperatorVerdict.Done)
            Watcher.Tell(new CapacityWatcher.EvaluateNow(district, request.By));
        return outcome;
    }

    /// <summary>The settings an operator set over the file's, as the district publishes them.</summary>
    private static List<OverrideStatus> OverridesOf(DistrictState state)
    {
        var overrides = new List<OverrideStatus>();
        if (state.PausedOverride is { } paused)
            overrides.Add(new OverrideStatus("paused", paused.Paused ? "true" : "false", paused.By, paused.At, paused.Reason));
        if (state.BoundsOverride is { } bounds)
            overrides.Add(new OverrideStatus("bounds", $"{bounds.MinNodes}..{bounds.MaxNodes}", bounds.By, bounds.At, bounds.Reason));
        return overrides;
    }

    /// <summary>
    /// The node's journaled history with the district's recent operator actions on its host name woven in, by time:
    /// a protect, a drain asked for, a retry.
    /// </summary>
    private static IReadOnlyList<NodeHistoryEntry> HistoryOf(NodeView node, DistrictView? district)
    {
        var actions = district?.State.RecentActions.Where(a => a.Target == node.Host).ToList() ?? [];
        if (actions.Count == 0) return node.History;
        var entries = node.History.Select(h => (h.At, Entry: (NodeHistoryEntry?)h, Action: (OperatorActionRecord?)null))
            .Concat(actions.Select(a => (a.At, Entry: (NodeHistoryEntry?)null, Action: (OperatorActionRecord?)a)))
            .OrderBy(e => e.At);
        var history = new List<NodeHistoryEntry>();
        var state = NodePhase.Requested.ToString();
        foreach (var (_, entry, action) in entries)
        {
            if (entry is not null)
            {
                state = entry.State;
                history.Add(entry);
            }
            else
            {
                history.Add(new NodeHistoryEntry(action!.At, state, "OperatorAction",
                    $"{action.Action} by {action.By}" + (action.Reason is { Length: > 0 } why ? $": {why}" : "")));
            }
        }

        return history;
    }
}

using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Metrics;

/// <summary>
/// Turns two successive reports of one node into what <see cref="IControllerMetrics"/> counts: the phases it left in
/// between (with how long it stayed, from its journaled history) and the end of its launch. Pure.
/// </summary>
/// <remarks>
/// Only a change seen by the same district incarnation is reported (<c>before</c> is known): a node that reports for the
/// first time after a restart replays its past, which was counted before the restart.
/// </remarks>
public static class NodeChangeMetrics
{
    public static void Report(IControllerMetrics metrics, NodeView? before, NodeView after)
    {
        if (before is null || before.Phase == after.Phase) return;
        foreach (var (phase, duration) in PhasesLeft(before.Phase, after))
            metrics.PhaseLeft(after.District, after.Profile, phase, duration);

        if (before.ActiveSince is not null) return;
        if (after.Phase == NodePhase.Active)
            metrics.LaunchSucceeded(after.District, after.Profile);
        else if (after.Phase is NodePhase.Failed or NodePhase.Aborted)
            metrics.LaunchFailed(after.District, after.Profile, LaunchFailureReason.Of(after.Phase, after.FailureKind, after.LastError));
    }

    /// <summary>
    /// The phases <paramref name="after"/>'s history shows it left since it was in <paramref name="from"/>, oldest first:
    /// the runs of equal phase at the end of its history, back to the last run in <paramref name="from"/>. None when the
    /// history kept in memory no longer reaches back that far.
    /// </summary>
    public static IReadOnlyList<(NodePhase Phase, TimeSpan Duration)> PhasesLeft(NodePhase from, NodeView after)
    {
        var runs = new List<(NodePhase Phase, DateTimeOffset Since)>();
        foreach (var entry in after.History)
        {
            if (!Enum.TryParse<NodePhase>(entry.State, out var phase)) continue;
            if (runs.Count == 0 || runs[^1].Phase != phase) runs.Add((phase, entry.At));
        }

        if (runs.Count < 2) return [];
        var start = runs.FindLastIndex(runs.Count - 2, run => run.Phase == from);
        if (start < 0) return [];
        return [.. runs.Skip(start).Take(runs.Count - 1 - start).Select((run, i) => (run.Phase, runs[start + i + 1].Since - run.Since))];
    }
}

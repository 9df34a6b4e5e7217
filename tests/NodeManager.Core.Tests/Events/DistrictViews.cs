using System.Collections.Immutable;
using NodeManager.Core.Controller;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;
using NodeManager.Core.Status;

namespace NodeManager.Core.Tests.Events;

/// <summary>District and node views built by hand, as a district supervisor would publish them.</summary>
internal static class DistrictViews
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    public static DistrictView District(string name = "district-a", params NodeView[] nodes) =>
        new(name, "small", DistrictSettings.Default, nodes, [], new DistrictState(name) { Profile = "small" }, [], true, 50);

    public static NodeView Node(int index, params (NodePhase Phase, string Event)[] steps)
    {
        var history = steps.Select((s, i) => new NodeHistoryEntry(T0.AddSeconds(i), s.Phase.ToString(), s.Event, null)).ToList();
        return new NodeView($"district-a-{index}", $"district-a-{index}.example.com", $"district-a_{index}", "district-a", "small", index,
            steps.Length == 0 ? NodePhase.Requested : steps[^1].Phase, null, null, null, false, null, history);
    }

    /// <summary><paramref name="node"/> a step further: one more history entry, in <paramref name="phase"/>.</summary>
    public static NodeView Step(NodeView node, NodePhase phase, string @event, string? detail = null) => node with
    {
        Phase = phase,
        History = [.. node.History, new NodeHistoryEntry(T0.AddSeconds(node.History.Count), phase.ToString(), @event, detail)],
    };

    public static DistrictView WithState(DistrictView view, Func<DistrictState, DistrictState> change) => view with { State = change(view.State) };

    public static DistrictView Decided(DistrictView view, string kind, string reason, int secondsLater = 0) =>
        WithState(view, s => s with { LastDecision = new DecisionStatus(kind, reason, T0.AddSeconds(secondsLater)) });

    public static BackoffState Backoff(string message, int attempts = 1) => new(message, T0, T0.AddSeconds(30 * attempts), attempts);

    public static ImmutableList<PolicyCondition> Conditions(params PolicyCondition[] conditions) => [.. conditions];
}

using System.Globalization;
using NodeManager.Core.Controller;
using NodeManager.Core.Districts;
using NodeManager.Core.Nodes;
using NodeManager.Core.Scaling;

namespace NodeManager.Core.Events;

/// <summary>
/// What changed between two views of one district, as <see cref="FeedEvent"/>s (ids still 0). Pure: the board calls it
/// with each new view and the one it replaces. A district's first view on a member is its baseline and yields nothing,
/// so a restart does not replay every node's life as news.
/// </summary>
/// <remarks>
/// Only node views that are not the very object the previous view held are compared: a district republishes the
/// same <see cref="NodeView"/> instances for nodes that did not report, so a publish after one node's step costs one
/// comparison of substance, however large the district.
/// </remarks>
public static class ViewChanges
{
    /// <summary>One part of a district's view compared: appends what changed in it.</summary>
    private delegate void Source(DistrictView previous, DistrictView next, DateTimeOffset now, List<FeedEvent> changes);

    // Each source reads one part of the view; a new part is one more entry.
    private static readonly Source[] Sources = [NodeChanges, DecisionChanges, ConditionChanges, OperatorChanges];

    /// <param name="now">When <paramref name="next"/> was published: the time of changes the view does not date itself.</param>
    public static IReadOnlyList<FeedEvent> Between(DistrictView? previous, DistrictView next, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (previous is null || ReferenceEquals(previous, next))
        {
            return [];
        }

        var changes = new List<FeedEvent>();
        foreach (var source in Sources)
        {
            source(previous, next, now, changes);
        }

        return changes;
    }

    /// <summary>The word clients see for a decision's kind: <c>scale-up</c> → <c>ScaleUp</c>.</summary>
    public static string DecisionType(string kind) => kind switch
    {
        "scale-up" => "ScaleUp",
        "scale-down" => "ScaleDown",
        "hold" => "Hold",
        _ => kind,
    };

    private static void NodeChanges(DistrictView previous, DistrictView next, DateTimeOffset now, List<FeedEvent> changes)
    {
        Dictionary<string, NodeView>? before = null;
        Compare(previous.Nodes, next.Nodes);
        Compare(previous.Finished, next.Finished);

        void Compare(IReadOnlyList<NodeView> old, IReadOnlyList<NodeView> current)
        {
            if (ReferenceEquals(old, current))
            {
                return;
            }

            for (var i = 0; i < current.Count; i++)
            {
                var node = current[i];
                if (i < old.Count && ReferenceEquals(old[i], node))
                {
                    continue;
                }

                before ??= previous.Nodes.Concat(previous.Finished)
                    .GroupBy(n => n.LaunchId, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
                var was = before.GetValueOrDefault(node.LaunchId);
                if (!ReferenceEquals(was, node))
                {
                    Transitions(next.Name, was, node, now, changes);
                }
            }
        }
    }

    /// <summary>
    /// Each state <paramref name="node"/> entered since <paramref name="was"/>, from the history entries it added (a
    /// node may take several steps between two publishes), each at its own time; then whether its drain stalled.
    /// </summary>
    private static void Transitions(string district, NodeView? was, NodeView node, DateTimeOffset now, List<FeedEvent> changes)
    {
        if (was is not null && IsStandIn(node))
        {
            return;
        }

        if (was is not null && IsStandIn(was))
        {
            // After its district restarted or moved, a node's first report restates a life told before: its state is
            // the news, not every step again.
            if (node.Phase != was.Phase && node.History is [.., var last])
            {
                changes.Add(NodeEvent(district, node, now, node.Phase.ToString(), $"{node.Phase}: {last.Event}"));
            }

            return;
        }

        var state = was?.Phase.ToString();
        var history = node.History;
        var seen = was?.History.Count ?? 0;
        if (seen <= history.Count)
        {
            for (var i = seen; i < history.Count; i++)
            {
                var entry = history[i];
                if (string.Equals(entry.State, state, StringComparison.Ordinal))
                {
                    continue;
                }

                var detail = entry.Detail is { Length: > 0 } d ? $" ({d})" : "";
                changes.Add(NodeEvent(district, node, entry.At, entry.State, $"{Arrow(state, entry.State)}: {entry.Event}{detail}"));
                state = entry.State;
            }
        }

        var phase = node.Phase.ToString();
        if (!string.Equals(state, phase, StringComparison.Ordinal))
        {
            var error = node.LastError is { Length: > 0 } e ? $": {e}" : "";
            changes.Add(NodeEvent(district, node, now, phase, $"{Arrow(state, phase)}{error}"));
        }

        if (node.Alerting != (was?.Alerting ?? false))
        {
            changes.Add(new FeedEvent(0, now, FeedEventKind.Condition, district, node.Host, "drain-stalled", node.Alerting
                ? $"raised: the drain of {node.Host} needs an operator: it still holds gears"
                : $"cleared: the drain of {node.Host} moves again"));
        }
    }

    /// <summary>
    /// The view a district publishes for a node whose actor has not reported yet (a launch just journaled, or every
    /// node while the district recovers or starts on another member): Requested, with no history.
    /// </summary>
    private static bool IsStandIn(NodeView node) => node.History.Count == 0;

    private static string Arrow(string? from, string to) => from is null ? to : $"{from} → {to}";

    private static FeedEvent NodeEvent(string district, NodeView node, DateTimeOffset at, string state, string message) =>
        new(0, at, FeedEventKind.Node, district, node.Host, state, OneLine(message));

    /// <summary>
    /// The operator's actions the district journaled since <paramref name="previous"/>: those after the last one the
    /// previous view held (all of them when it held none, or when so many came at once that it fell out of the kept few).
    /// </summary>
    private static void OperatorChanges(DistrictView previous, DistrictView next, DateTimeOffset now, List<FeedEvent> changes)
    {
        var before = previous.State.RecentActions;
        var after = next.State.RecentActions;
        if (ReferenceEquals(before, after) || after.Count == 0)
        {
            return;
        }

        var first = before.Count == 0 ? 0 : after.FindLastIndex(a => a == before[^1]) + 1;
        for (var i = first; i < after.Count; i++)
        {
            var action = after[i];
            var node = string.Equals(action.Target, next.Name, StringComparison.Ordinal) ? null : action.Target;
            var reason = action.Reason is { Length: > 0 } r ? $": {r}" : "";
            changes.Add(new FeedEvent(0, action.At, FeedEventKind.Operator, next.Name, node, action.Action,
                OneLine($"{action.Action} {action.Target} by {action.By}{reason}")));
        }
    }

    private static void DecisionChanges(DistrictView previous, DistrictView next, DateTimeOffset now, List<FeedEvent> changes)
    {
        if (next.State.LastDecision is not { } decision)
        {
            return;
        }

        if (previous.State.LastDecision is { } was
            && string.Equals(was.Kind, decision.Kind, StringComparison.Ordinal)
            && string.Equals(was.Reason, decision.Reason, StringComparison.Ordinal))
        {
            return;
        }

        changes.Add(new FeedEvent(0, decision.At, FeedEventKind.Decision, next.Name, null, DecisionType(decision.Kind), OneLine(decision.Reason)));
    }

    /// <summary>
    /// The district's conditions: the back-offs it holds (raised again when a refusal renews one) and the policy's
    /// (by type and subject). A drain that stalled is a node's, compared with the node.
    /// </summary>
    private static void ConditionChanges(DistrictView previous, DistrictView next, DateTimeOffset now, List<FeedEvent> changes)
    {
        if (!ReferenceEquals(previous.State, next.State))
        {
            Backoff("exhausted", previous.State.Backoff, next.State.Backoff, Scope(next.State), Scope(previous.State));
            Backoff("launch-failing", previous.State.LaunchFailing, next.State.LaunchFailing, "", "");
        }

        if (ReferenceEquals(previous.Conditions, next.Conditions))
        {
            return;
        }

        var old = Keyed(previous.Conditions);
        var current = Keyed(next.Conditions);
        foreach (var (key, condition) in current)
        {
            if (!old.ContainsKey(key))
            {
                changes.Add(ConditionEvent(next.Name, now, condition.Type, $"raised: {condition.Message}"));
            }
        }

        foreach (var (key, condition) in old)
        {
            if (!current.ContainsKey(key))
            {
                changes.Add(ConditionEvent(next.Name, now, condition.Type, $"cleared (was: {condition.Message})"));
            }
        }

        void Backoff(string type, BackoffState? was, BackoffState? @is, string scope, string wasScope)
        {
            if (@is is not null && (was is null || was.Since != @is.Since || was.Attempts != @is.Attempts))
            {
                var again = was is null ? "raised" : $"raised again ({@is.Attempts} in a row)";
                changes.Add(ConditionEvent(next.Name, was is null ? @is.Since : now, type,
                    $"{again}: {scope}{@is.Message}; launches wait until {@is.RetryAt.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}"));
            }
            else if (@is is null && was is not null)
            {
                changes.Add(ConditionEvent(next.Name, now, type, $"cleared (was: {wasScope}{was.Message})"));
            }
        }
    }

    private static string Scope(DistrictState state) => state.BackoffScope == ExhaustionScope.Cloud ? "cloud: " : "district: ";

    private static Dictionary<(string, string), PolicyCondition> Keyed(IReadOnlyList<PolicyCondition> conditions)
    {
        var keyed = new Dictionary<(string, string), PolicyCondition>();
        foreach (var c in conditions)
        {
            keyed[(c.Type, c.Subject)] = c;
        }

        return keyed;
    }

    private static FeedEvent ConditionEvent(string district, DateTimeOffset at, string type, string message) =>
        new(0, at, FeedEventKind.Condition, district, null, type, OneLine(message));

    /// <summary>An event is one line (SSE's <c>data:</c> and the CLI's table both need it).</summary>
    private static string OneLine(string text) =>
        text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
            ? text.ReplaceLineEndings(" ")
            : text;
}

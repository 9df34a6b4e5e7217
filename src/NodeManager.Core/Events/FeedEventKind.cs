namespace NodeManager.Core.Events;

/// <summary>The kinds of <see cref="FeedEvent"/>: the words clients filter on (<c>?kind=</c>) and the SSE event names.</summary>
public static class FeedEventKind
{
    /// <summary>A node's lifecycle transition; the type is the new state (<c>Booting</c>, <c>Active</c>, <c>Failed</c>…).</summary>
    public const string Node = "node";

    /// <summary>A scaling decision whose kind or reason changed; the type is <c>ScaleUp</c>, <c>ScaleDown</c> or <c>Hold</c>.</summary>
    public const string Decision = "decision";

    /// <summary>A condition raised or cleared; the type is the condition's (<c>exhausted</c>, <c>launch-failing</c>…).</summary>
    public const string Condition = "condition";

    /// <summary>An operator's action; the type is the action (<c>pause</c>, <c>drain</c>…).</summary>
    public const string Operator = "operator";

    public static IReadOnlyList<string> All { get; } = [Node, Decision, Condition, Operator];

    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);
}

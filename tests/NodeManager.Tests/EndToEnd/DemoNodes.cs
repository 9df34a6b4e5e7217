using System.Text.Json;

namespace NodeManager.Tests.EndToEnd;

/// <summary>Reading <c>/nodes</c> of the demo: node states and what each node holds in the cloud.</summary>
internal static class DemoNodes
{
    public static readonly string[] Launching = ["Requested", "Booting", "VolumeAttaching", "Joining"];
    public static readonly string[] Transitional = [.. Launching, "Draining", "Reclaiming"];
    public static readonly string[] Gone = ["Reclaimed", "Failed", "Aborted"];

    public static int Count(JsonElement nodes, params string[] states) =>
        nodes.ValueKind == JsonValueKind.Array ? nodes.EnumerateArray().Count(n => states.Contains(State(n))) : 0;

    public static string? State(JsonElement node) => node.GetProperty("state").GetString();

    public static string Name(JsonElement node) => node.GetProperty("name").GetString()!;

    public static IEnumerable<JsonElement> Live(JsonElement nodes) => nodes.EnumerateArray().Where(n => !Gone.Contains(State(n)));

    /// <summary>The states a node's history has recorded (durable, unlike a state seen in one poll).</summary>
    public static IEnumerable<string?> StatesPassed(JsonElement node) =>
        node.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("state").GetString());

    public static string Describe(JsonElement nodes) =>
        nodes.ValueKind != JsonValueKind.Array
            ? "(none read)"
            : string.Join(", ", nodes.EnumerateArray().GroupBy(State).Select(g => $"{g.Key} {g.Count()}"));
}

using NodeManager.Cli.Endpoint;

namespace NodeManager.Cli.Views;

/// <summary>The one line an operator action prints: what was done to what, by whom and when, or that it was already so.</summary>
public static class ActionView
{
    public static string Line(ActionResultBody result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcome = result.Changed ? "done" : "already in effect, nothing changed";
        var reason = result.Reason is { Length: > 0 } r ? $", reason: {r}" : "";
        return $"{result.Action} {result.Target}: {outcome} (by {result.By} at {Cells.At(result.At)}{reason})";
    }
}

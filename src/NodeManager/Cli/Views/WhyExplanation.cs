using NodeManager.Cli.Endpoint;

namespace NodeManager.Cli.Views;

/// <summary>
/// "Why is this district scaling, or not?" in plain words, from its status and its recent events: a headline from the
/// pause and the last decision, then the facts that bound it (bounds and where they come from, how many nodes it has,
/// the conditions raised). Pure: the same inputs give the same sentences.
/// </summary>
public static class WhyExplanation
{
    /// <summary>How many of the district's recent decision, condition and operator events are shown.</summary>
    public const int RecentEvents = 10;

    private static readonly string[] WhyKinds = ["decision", "condition", "operator"];

    public static string Headline(DistrictBody district)
    {
        ArgumentNullException.ThrowIfNull(district);
        if (district.Paused)
        {
            return Cells.OverrideOf(district, "paused") is { } paused
                ? $"{district.Name} is not scaling: operator {paused.By} paused it at {Cells.At(paused.At)}{Because(paused.Reason)}."
                : $"{district.Name} is not scaling: its configuration file pauses it.";
        }

        if (district.LastDecision is not { } decision)
        {
            return $"{district.Name} has decided nothing yet: the capacity source has not reported it since this member started it.";
        }

        return Normalise(decision.Kind) switch
        {
            "scaleup" => $"{district.Name} is scaling up: {decision.Reason}",
            "scaledown" => $"{district.Name} is scaling down: {decision.Reason}",
            _ => $"{district.Name} is not scaling: {decision.Reason}",
        };
    }

    public static IReadOnlyList<string> Facts(DistrictBody district)
    {
        ArgumentNullException.ThrowIfNull(district);
        var facts = new List<string>();
        var live = Cells.LiveNodes(district.NodesByState);
        var bounds = Cells.OverrideOf(district, "bounds") is { } set
            ? $"set by operator {set.By} at {Cells.At(set.At)}{Because(set.Reason)}"
            : "from the configuration file";
        var limit = live >= district.MaxNodes ? ": at its maximum, it will not grow"
            : live <= district.MinNodes ? ": at its minimum, it will not shrink"
            : "";
        var liveByState = (district.NodesByState ?? new Dictionary<string, int>()).Where(p => Cells.IsLive(p.Key)).ToDictionary();
        facts.Add($"Bounds {district.MinNodes}..{district.MaxNodes} ({bounds}); it has {live} live node(s) ({Cells.NodesByState(liveByState)}){limit}.");
        facts.Add(district.Utilisation is { } usage
            ? $"Usage {Cells.Percent(usage)} of its active gears' capacity."
            : "Usage not measured yet.");
        if (district.Paused && Cells.OverrideOf(district, "paused") is not null)
        {
            facts.Add("`nodemgr resume` clears the pause.");
        }

        foreach (var c in district.Conditions ?? [])
        {
            var retry = c.RetryAt is { } at ? $"; launches wait until {Cells.At(at)}" : "";
            facts.Add($"Condition {c.Type} since {Cells.At(c.Since)}: {c.Message}{retry}.");
        }

        if (district.LastDecision is { } decision)
        {
            facts.Add($"Last decision {decision.Kind} at {Cells.At(decision.At)}.");
        }

        return facts;
    }

    /// <summary>The district's recent decisions, conditions and operator actions, newest first.</summary>
    public static IReadOnlyList<EventBody> Recent(string district, IEnumerable<EventBody> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events
            .Where(e => string.Equals(e.District, district, StringComparison.Ordinal) && WhyKinds.Contains(e.Kind, StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(RecentEvents)
            .ToList();
    }

    private static string Because(string? reason) => reason is { Length: > 0 } ? $" ({reason})" : "";

    private static string Normalise(string kind) =>
        kind.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}

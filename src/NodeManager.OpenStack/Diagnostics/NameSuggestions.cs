namespace NodeManager.OpenStack.Diagnostics;

/// <summary>What to offer instead of a name the cloud does not have: a close name ("did you mean"), and the nearest few.</summary>
internal static class NameSuggestions
{
    /// <summary>How many of the cloud's names an error lists; a real cloud may hold hundreds of images.</summary>
    public const int Listed = 8;

    /// <summary>The candidate that differs only in case, else the closest within a typo's distance; null when none is close.</summary>
    public static string? DidYouMean(string typed, IEnumerable<string> candidates)
    {
        var ranked = Ranked(typed, candidates).FirstOrDefault();
        return ranked.Name is not null && ranked.Distance <= Math.Max(2, typed.Length / 3) ? ranked.Name : null;
    }

    /// <summary>"a, b, c" of the <see cref="Listed"/> nearest names, then "and N more".</summary>
    public static string Nearest(string typed, IReadOnlyCollection<string> candidates)
    {
        var nearest = Ranked(typed, candidates).Take(Listed).Select(r => r.Name).ToList();
        var more = candidates.Distinct(StringComparer.Ordinal).Count() - nearest.Count;
        return string.Join(", ", nearest) + (more > 0 ? $" and {more} more" : "");
    }

    private static IEnumerable<(string Name, int Distance)> Ranked(string typed, IEnumerable<string> candidates) => candidates
        .Where(c => c.Length > 0)
        .Distinct(StringComparer.Ordinal)
        .Select(c => (Name: c, Distance: string.Equals(c, typed, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(typed, c)))
        .OrderBy(r => r.Distance)
        .ThenBy(r => r.Name, StringComparer.Ordinal);

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

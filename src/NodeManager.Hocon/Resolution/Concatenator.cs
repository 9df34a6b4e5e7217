using System.Text;

namespace NodeManager.Hocon.Resolution;

/// <summary>Joins the resolved parts of a value concatenation (HOCON.md, "Value concatenation").</summary>
internal static class Concatenator
{
    /// <summary>
    /// Strings (and numbers, booleans, nulls) join as text; lists append; objects merge with
    /// later parts winning. Whitespace beside lists and objects is ignored. Returns null when every part was an
    /// undefined optional substitution (then the field is not set at all).
    /// </summary>
    public static ConfigValue? Join(IReadOnlyList<ConfigValue?> parts, ConfigOrigin origin, string? path)
    {
        var pieces = parts.Where(p => p is not null).Select(p => p!).ToList();
        if (pieces.Count == 0)
        {
            return null;
        }
        if (pieces.Count == 1)
        {
            return pieces[0];
        }
        var significant = pieces.Where(p => p is not ConfigScalar { IsWhitespace: true }).ToList();
        if (significant.Count == 0)
        {
            return ConfigScalar.String(string.Concat(pieces.Cast<ConfigScalar>().Select(p => p.Text)), origin);
        }
        if (significant.All(p => p is ConfigList))
        {
            return new ConfigList(significant[0].Origin, [.. significant.SelectMany(p => ((ConfigList)p).Items)]);
        }
        if (significant.All(p => p is ConfigObject))
        {
            var merged = (ConfigObject)significant[0];
            foreach (var next in significant.Skip(1))
            {
                merged = ConfigMerge.MergeObjects((ConfigObject)next, merged).WithOrigin(merged.Origin);
            }
            return merged;
        }
        var first = significant[0];
        if (significant.FirstOrDefault(p => Kind(p) != Kind(first)) is { } odd)
        {
            throw new ConfigException(odd.Origin, path,
                $"cannot concatenate {Kind(odd)} with {Kind(first)}; concatenate lists with lists and objects with objects");
        }
        // HOCON.md, "String value concatenation": null (written or substituted) joins as the text "null", which is
        // ConfigScalar.Text of a null; only an undefined ${?x}, dropped above, joins as nothing.
        var text = new StringBuilder();
        foreach (var piece in pieces.Cast<ConfigScalar>())
        {
            text.Append(piece.Text);
        }
        return ConfigScalar.String(text.ToString(), origin);
    }

    private static string Kind(ConfigValue value) => value switch
    {
        ConfigList => "a list",
        ConfigObject => "an object",
        _ => "a string",
    };
}

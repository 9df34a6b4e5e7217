using System.Text;

namespace NodeManager.Hocon.Resolution;

/// <summary>Joins the resolved parts of a value concatenation (HOCON.md, "Value concatenation").</summary>
internal static class Concatenator
{
    /// <summary>
    /// Strings (and numbers, booleans) join as text with a substituted null as ""; lists append; objects merge with
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
        if (significant.Count > 0 && significant.All(p => p is ConfigList))
        {
            return new ConfigList(significant[0].Origin, [.. significant.SelectMany(p => ((ConfigList)p).Items)]);
        }
        if (significant.Count > 0 && significant.All(p => p is ConfigObject))
        {
            var merged = (ConfigObject)significant[0];
            foreach (var next in significant.Skip(1))
            {
                merged = ConfigMerge.MergeObjects((ConfigObject)next, merged).WithOrigin(merged.Origin);
            }
            return merged;
        }
        var text = new StringBuilder();
        foreach (var piece in pieces)
        {
            switch (piece)
            {
                case ConfigScalar { ValueType: ConfigValueType.Null }:
                    break;
                case ConfigScalar scalar:
                    text.Append(scalar.Text);
                    break;
                default:
                    var kind = piece is ConfigList ? "a list" : "an object";
                    throw new ConfigException(piece.Origin, path,
                        $"cannot concatenate {kind} with a string; concatenate lists with lists and objects with objects");
            }
        }
        return ConfigScalar.String(text.ToString(), origin);
    }
}

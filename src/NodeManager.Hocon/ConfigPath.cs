using System.Text;

namespace NodeManager.Hocon;

/// <summary>HOCON path expressions: <c>a.b."c.d"</c> ⇄ segments.</summary>
public static class ConfigPath
{
    /// <summary>Splits a path expression into its segments (quoted segments keep their dots).</summary>
    /// <exception cref="ConfigException">The expression is empty or malformed.</exception>
    public static IReadOnlyList<string> Split(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var origin = ConfigOrigin.Unknown("path expression \"" + expression + "\"");
        return Parsing.HoconLexer.ParsePathExpression(expression, origin);
    }

    /// <summary>Renders segments as a path expression, quoting a segment only where it needs it.</summary>
    public static string Join(IEnumerable<string> segments)
    {
        var sb = new StringBuilder();
        foreach (var segment in segments)
        {
            if (sb.Length > 0)
            {
                sb.Append('.');
            }
            sb.Append(NeedsQuotes(segment) ? Quote(segment) : segment);
        }
        return sb.ToString();
    }

    // JSON's two-character escapes: the character after the backslash, and the character it stands for.
    private static readonly (char Escape, char Value)[] Escapes =
        [('"', '"'), ('\\', '\\'), ('/', '/'), ('b', '\b'), ('f', '\f'), ('n', '\n'), ('r', '\r'), ('t', '\t')];

    internal static readonly IReadOnlyDictionary<char, char> ValueOfEscape = Escapes.ToDictionary(e => e.Escape, e => e.Value);

    private static readonly IReadOnlyDictionary<char, char> EscapeOf = Escapes.ToDictionary(e => e.Value, e => e.Escape);

    /// <summary>A JSON string literal for the text.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c != '/' && EscapeOf.TryGetValue(c, out var escape))
            {
                sb.Append('\\').Append(escape);
            }
            else if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.Append('"').ToString();
    }

    private static bool NeedsQuotes(string segment)
    {
        if (segment.Length == 0 || segment == "include")
        {
            return true;
        }
        foreach (var c in segment)
        {
            var plain = char.IsLetterOrDigit(c) || c == '-' || c == '_';
            if (!plain)
            {
                return true;
            }
        }
        return false;
    }
}

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

    internal static string Join(IEnumerable<string> prefix, string last) => Join(prefix.Append(last));

    /// <summary>A JSON string literal for the text.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
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

using System.Globalization;
using System.Text;

namespace NodeManager.Hocon;

/// <summary>Renders a value tree as JSON (for tools) or as HOCON (keys unquoted where they can be).</summary>
public static class ConfigRenderer
{
    public static string RenderJson(ConfigValue value, bool indent = true)
    {
        var sb = new StringBuilder();
        Render(sb, value, 0, indent, json: true);
        return sb.ToString();
    }

    public static string RenderHocon(ConfigObject root)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in root.Fields)
        {
            sb.Append(ConfigPath.Join([key])).Append(" = ");
            Render(sb, value, 0, pretty: true, json: false);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static void Render(StringBuilder sb, ConfigValue value, int depth, bool pretty, bool json)
    {
        switch (value)
        {
            case ConfigObject obj:
                if (obj.Count == 0)
                {
                    sb.Append("{}");
                    return;
                }
                sb.Append('{');
                var first = true;
                foreach (var (key, child) in obj.Fields)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }
                    first = false;
                    NewLine(sb, depth + 1, pretty);
                    sb.Append(json ? ConfigPath.Quote(key) : ConfigPath.Join([key])).Append(json ? (pretty ? ": " : ":") : " = ");
                    Render(sb, child, depth + 1, pretty, json);
                }
                NewLine(sb, depth, pretty);
                sb.Append('}');
                return;
            case ConfigList list:
                if (list.Items.Count == 0)
                {
                    sb.Append("[]");
                    return;
                }
                sb.Append('[');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    NewLine(sb, depth + 1, pretty);
                    Render(sb, list.Items[i], depth + 1, pretty, json);
                }
                NewLine(sb, depth, pretty);
                sb.Append(']');
                return;
            case ConfigScalar scalar:
                sb.Append(scalar.ValueType switch
                {
                    ConfigValueType.String => ConfigPath.Quote(scalar.Text),
                    ConfigValueType.Number => NormalizeNumber(scalar),
                    _ => scalar.Text,
                });
                return;
            default:
                // Unresolved nodes only show up in diagnostics.
                sb.Append(ConfigPath.Quote(value is ConfigSubstitution substitution ? substitution.ToString() : "<unresolved, defined at " + value.Origin + ">"));
                return;
        }
    }

    private static string NormalizeNumber(ConfigScalar scalar) => scalar.Unwrapped switch
    {
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        _ => scalar.Text,
    };

    private static void NewLine(StringBuilder sb, int depth, bool pretty)
    {
        if (pretty)
        {
            sb.Append('\n').Append(' ', depth * 2);
        }
    }
}

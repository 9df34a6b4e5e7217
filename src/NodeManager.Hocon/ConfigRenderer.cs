using System.Globalization;
using System.Text;

namespace NodeManager.Hocon;

/// <summary>Renders a value tree as JSON (for tools) or as HOCON (keys unquoted where they can be).</summary>
public static class ConfigRenderer
{
    public static string RenderJson(ConfigValue value, bool indent = true) => RenderJson(value, types: null, indent);

    /// <summary>
    /// JSON of <paramref name="value"/> whose scalars take their type from the same key in <paramref name="types"/> (the
    /// reference configuration): HOCON reads <c>on</c> and a substituted environment variable as strings, which tools
    /// reading the JSON would take as strings too. Under a key whose reference default is a boolean, a value that
    /// reads as one (true/false, yes/no, on/off) renders as <c>true</c>/<c>false</c>; under a number, a value that
    /// parses as one renders as a number. A key the reference does not have, or a value that does not read as the
    /// reference's type, keeps the type it was written with. An object with a <c>default</c> block gives the types of
    /// its named entries, and a list the type of its items, as in reference validation.
    /// </summary>
    public static string RenderJson(ConfigValue value, ConfigValue? types, bool indent = true)
    {
        var sb = new StringBuilder();
        Render(sb, value, types, 0, indent, json: true);
        return sb.ToString();
    }

    public static string RenderHocon(ConfigObject root)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in root.Fields)
        {
            sb.Append(ConfigPath.Join([key])).Append(" = ");
            Render(sb, value, types: null, 0, pretty: true, json: false);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static void Render(StringBuilder sb, ConfigValue value, ConfigValue? types, int depth, bool pretty, bool json)
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
                    Render(sb, child, TypesOf(types, key), depth + 1, pretty, json);
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
                    Render(sb, list.Items[i], ItemTypes(types), depth + 1, pretty, json);
                }
                NewLine(sb, depth, pretty);
                sb.Append(']');
                return;
            case ConfigScalar scalar:
                sb.Append(AsTyped(scalar, types as ConfigScalar) ?? scalar.ValueType switch
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

    private static ConfigValue? TypesOf(ConfigValue? types, string key) =>
        types is ConfigObject obj ? obj[key] ?? (obj["default"] as ConfigObject) : null;

    private static ConfigValue? ItemTypes(ConfigValue? types) =>
        types is ConfigList { Items.Count: > 0 } list && list.Items.All(i => i.ValueType == list.Items[0].ValueType) ? list.Items[0] : null;

    // A string that reads as the reference's boolean or number, rendered as that; null keeps the written type.
    private static string? AsTyped(ConfigScalar value, ConfigScalar? reference)
    {
        if (value.ValueType != ConfigValueType.String || reference is null)
        {
            return null;
        }

        var text = value.Text.Trim();
        // reference.conf writes its boolean defaults as on/off, which HOCON reads as strings: as the validator does, a
        // default that reads as a boolean makes the key a boolean.
        var referenceType = reference.ValueType == ConfigValueType.String && BooleanOf(reference.Text) is not null
            ? ConfigValueType.Boolean
            : reference.ValueType;
        return referenceType switch
        {
            ConfigValueType.Boolean => BooleanOf(text),
            ConfigValueType.Number when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) =>
                l.ToString(CultureInfo.InvariantCulture),
            ConfigValueType.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) =>
                d.ToString("R", CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static string? BooleanOf(string text) => text switch
    {
        "true" or "yes" or "on" => "true",
        "false" or "no" or "off" => "false",
        _ => null,
    };

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

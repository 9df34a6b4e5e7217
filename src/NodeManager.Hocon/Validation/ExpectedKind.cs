using System.Globalization;

namespace NodeManager.Hocon.Validation;

/// <summary>
/// What a reference value says about the type an operator must give that key. Units are inferred from the default:
/// a default of <c>60s</c> means the key takes a duration, <c>10GiB</c> a size, <c>on</c> a boolean.
/// </summary>
internal sealed record ExpectedKind(string Description, Func<ConfigValue, bool> Accepts)
{
    private static readonly HashSet<string> BooleanWords = new(StringComparer.Ordinal) { "true", "false", "yes", "no", "on", "off" };

    public static ExpectedKind Of(ConfigValue reference)
    {
        var shown = reference is ConfigScalar s ? " like the default " + s.Text : "";
        switch (reference)
        {
            case ConfigObject:
                return new("an object", v => v is ConfigObject);
            case ConfigList:
                return new("a list", v => v is ConfigList);
            case ConfigScalar { ValueType: ConfigValueType.Null }:
                return new("anything", _ => true);
            case ConfigScalar { ValueType: ConfigValueType.Boolean } or ConfigScalar { ValueType: ConfigValueType.String } when BooleanWords.Contains(((ConfigScalar)reference).Text):
                return new("a boolean (on/off, true/false, yes/no)" + shown, v => Text(v) is { } t && BooleanWords.Contains(t));
            case ConfigScalar { ValueType: ConfigValueType.Number } number when long.TryParse(number.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                return new("an integer" + shown, v => Text(v) is { } t && long.TryParse(t.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
            case ConfigScalar { ValueType: ConfigValueType.Number }:
                return new("a number" + shown, v => Text(v) is { } t && double.TryParse(t.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            case ConfigScalar text when HasUnit(text.Text) && ConfigUnits.ParseDuration(text.Text) is not null:
                // "off" passes here for every duration (Akka's convention for a timer that may be disabled); the
                // settings that read a key say whether it may be off.
                return new("a duration" + shown, v => Text(v) is { } t && (ConfigUnits.ParseDuration(t) is not null || t == "off"));
            case ConfigScalar text when HasUnit(text.Text) && ConfigUnits.ParseBytes(text.Text) is not null:
                return new("a size in bytes" + shown, v => Text(v) is { } t && ConfigUnits.ParseBytes(t) is not null);
            default:
                return new("a string", v => v is ConfigScalar { ValueType: not ConfigValueType.Null });
        }
    }

    private static bool HasUnit(string text) => text.Length > 0 && char.IsLetter(text.TrimEnd()[^1]) && char.IsDigit(text.TrimStart()[0]);

    private static string? Text(ConfigValue value) => value is ConfigScalar { ValueType: not ConfigValueType.Null } s ? s.Text : null;
}

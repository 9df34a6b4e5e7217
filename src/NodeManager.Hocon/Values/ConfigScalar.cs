using System.Globalization;
using System.Text.RegularExpressions;

namespace NodeManager.Hocon;

/// <summary>A string, number, boolean or null. Numbers keep the text they were written with.</summary>
public sealed partial class ConfigScalar : ConfigValue
{
    private ConfigScalar(ConfigValueType type, string text, ConfigOrigin origin, bool isWhitespace = false)
        : base(origin)
    {
        ValueType = type;
        Text = text;
        IsWhitespace = isWhitespace;
    }

    public override ConfigValueType ValueType { get; }

    public override bool IsResolved => true;

    /// <summary>The string value, or the number's / boolean's text, or "null".</summary>
    public string Text { get; }

    /// <summary>Whitespace between the parts of a value concatenation (dropped next to objects and lists).</summary>
    internal bool IsWhitespace { get; }

    public static ConfigScalar String(string value, ConfigOrigin origin) => new(ConfigValueType.String, value, origin);

    public static ConfigScalar Boolean(bool value, ConfigOrigin origin) =>
        new(ConfigValueType.Boolean, value ? "true" : "false", origin);

    public static ConfigScalar Null(ConfigOrigin origin) => new(ConfigValueType.Null, "null", origin);

    /// <summary>A number written as <paramref name="text"/> (which must look like a JSON number).</summary>
    public static ConfigScalar Number(string text, ConfigOrigin origin)
    {
        if (!IsNumber(text))
        {
            throw new ArgumentException($"\"{text}\" is not a number", nameof(text));
        }
        return new(ConfigValueType.Number, text, origin);
    }

    internal static ConfigScalar Whitespace(string text, ConfigOrigin origin) =>
        new(ConfigValueType.String, text, origin, isWhitespace: true);

    internal static bool IsNumber(string text) => NumberPattern().IsMatch(text);

    /// <summary>The value as a CLR object: string, long, double, bool or null.</summary>
    public object? Unwrapped => ValueType switch
    {
        ConfigValueType.Boolean => Text == "true",
        ConfigValueType.Null => null,
        ConfigValueType.Number => long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? l
            : double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => Text,
    };

    internal override ConfigValue Relativize(IReadOnlyList<string> prefix) => this;

    // JSON numbers, plus the leading zeros Lightbend's tokenizer lets through ("01").
    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}

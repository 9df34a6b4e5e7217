using Akka.Configuration.Hocon;

namespace NodeManager.Hocon.Akka;

/// <summary>
/// What a default in Akka's reference says about the values an operator may give that key, judged by Akka's own
/// readers (so a value passes only if Akka can read it). Akka's settings often take <c>off</c> for a duration or a
/// number, or a number for a switch (<c>log-dead-letters = 10</c>), so those pairs are accepted both ways.
/// </summary>
internal sealed record AkkaValueKind(string Description, Func<ConfigValue, bool> Accepts)
{
    // What Akka's HoconValue.GetBoolean reads; it rejects yes/no.
    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal) { "on", "off", "true", "false" };

    public static AkkaValueKind Of(ConfigValue reference)
    {
        switch (reference)
        {
            case ConfigObject:
                return new("an object", v => v is ConfigObject);
            case ConfigList:
                return new("a list", v => v is ConfigList);
            case ConfigScalar { ValueType: ConfigValueType.Null }:
                return new("anything", _ => true);
        }
        var text = ((ConfigScalar)reference).Text.Trim();
        var shown = " like the default " + text;
        if (Switches.Contains(text) || text is "yes" or "no")
        {
            return new("on, off, true or false (or a number or duration, where the key takes one)" + shown,
                v => Text(v) is { } t && (Switches.Contains(t) || IsNumeric(t)));
        }
        if ((HasUnit(text) || text == "infinite") && ReadsAsDuration(text))
        {
            return new("a duration Akka reads (e.g. 500ms, 10s, 5m, infinite)" + shown,
                v => Text(v) is { } t && (ReadsAsDuration(t) || Switches.Contains(t)));
        }
        if (HasUnit(text) && ReadsAsSize(text))
        {
            return new("a size in bytes Akka reads (e.g. 256KiB, 128000b)" + shown,
                v => Text(v) is { } t && (ReadsAsSize(t) || Switches.Contains(t)));
        }
        if (reference.ValueType == ConfigValueType.Number)
        {
            return new("a number" + shown, v => Text(v) is { } t && (IsNumeric(t) || Switches.Contains(t) || t == "infinite"));
        }
        return new("a string", v => v is ConfigScalar);
    }

    private static string? Text(ConfigValue value) => value is ConfigScalar { ValueType: not ConfigValueType.Null } s ? s.Text.Trim() : null;

    private static bool HasUnit(string text) => text.Length > 0 && char.IsDigit(text[0]) && char.IsLetter(text[^1]);

    // A number, or a number with a unit (Akka reads some counts as sizes and some as durations).
    private static bool IsNumeric(string text) =>
        text.Length > 0 && (char.IsDigit(text[0]) || (text.Length > 1 && text[0] is '-' or '+' or '.' && char.IsDigit(text[1])));

    private static bool ReadsAsDuration(string text) => Reads(text, v => v.GetTimeSpan());

    private static bool ReadsAsSize(string text) => Reads(text, v => v.GetByteSize());

    private static bool Reads(string text, Func<HoconValue, object?> read)
    {
        var value = new HoconValue();
        value.AppendValue(new HoconLiteral { Value = text });
        try
        {
            read(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}

using System.Globalization;

namespace NodeManager.Hocon;

/// <summary>
/// Structural equality of resolved trees, as the Lightbend suite compares them: field order does not matter,
/// numbers compare by value (42 equals 42.0), strings never equal numbers.
/// </summary>
public static class ConfigValueEquality
{
    public static bool AreEqual(ConfigValue? a, ConfigValue? b) => (a, b) switch
    {
        (null, null) => true,
        (ConfigObject x, ConfigObject y) => x.Count == y.Count && x.Fields.All(f => y.TryGetValue(f.Key, out var other) && AreEqual(f.Value, other)),
        (ConfigList x, ConfigList y) => x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(p => AreEqual(p.First, p.Second)),
        (ConfigScalar { ValueType: ConfigValueType.Number } x, ConfigScalar { ValueType: ConfigValueType.Number } y) =>
            double.Parse(x.Text, CultureInfo.InvariantCulture) == double.Parse(y.Text, CultureInfo.InvariantCulture),
        (ConfigScalar x, ConfigScalar y) => x.ValueType == y.ValueType && x.Text == y.Text,
        _ => false,
    };
}

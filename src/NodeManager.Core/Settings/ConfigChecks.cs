using NodeManager.Hocon;

namespace NodeManager.Core.Settings;

/// <summary>Range checks shared by the controller's settings records; every failure names file:line:col and the key.</summary>
internal static class ConfigChecks
{
    public static int Int(Config c, string path, int min, int max = int.MaxValue)
    {
        var value = c.GetInt(path);
        return value >= min && value <= max ? value
            : throw ConfigException.BadValue(c, path, max == int.MaxValue ? $"must be ≥ {min}, got {value}" : $"must be in {min}..{max}, got {value}");
    }

    public static double Percent(Config c, string path)
    {
        var value = c.GetDouble(path);
        return value is >= 0 and <= 100 ? value : throw ConfigException.BadValue(c, path, $"must be a percentage in 0..100, got {value}");
    }

    public static TimeSpan Duration(Config c, string path, bool allowZero = true)
    {
        var value = c.GetTimeSpan(path);
        return value > TimeSpan.Zero || (allowZero && value == TimeSpan.Zero) ? value
            : throw ConfigException.BadValue(c, path, allowZero ? "must not be negative" : "must be > 0");
    }

    /// <summary>A duration &gt; 0, or <c>off</c> (null).</summary>
    public static TimeSpan? DurationOrOff(Config c, string path) =>
        c.GetString(path) == "off" ? null : Duration(c, path, allowZero: false);

    public static T Enum<T>(Config c, string path) where T : struct, System.Enum
    {
        var text = c.GetString(path);
        foreach (var value in System.Enum.GetValues<T>())
            if (string.Equals(Kebab(value.ToString()), text, StringComparison.OrdinalIgnoreCase))
                return value;
        throw ConfigException.BadValue(c, path,
            $"must be one of {string.Join(", ", System.Enum.GetValues<T>().Select(v => Kebab(v.ToString())))}, got \"{text}\"");
    }

    public static string? Optional(Config c, string path) => c.GetString(path) is { Length: > 0 } s ? s : null;

    /// <summary>FewestGears → fewest-gears.</summary>
    public static string Kebab(string pascal) =>
        string.Concat(pascal.Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(ch) : ch.ToString()));
}

using System.Globalization;
using System.Numerics;

namespace NodeManager.Hocon;

public sealed partial class Config
{
    public bool HasPath(string path)
    {
        Observe(path);
        return Find(path) is { } value && value.ValueType != ConfigValueType.Null;
    }

    /// <summary>True when the path is set, even to null.</summary>
    public bool HasPathOrNull(string path)
    {
        Observe(path);
        return Find(path) is not null;
    }

    /// <summary>Where the value at <paramref name="path"/> was written, or null when the path is not set.</summary>
    public ConfigOrigin? GetOrigin(string path) => Find(path)?.Origin;

    /// <summary>The value at a path.</summary>
    /// <exception cref="ConfigException">The path is not set.</exception>
    public ConfigValue GetValue(string path)
    {
        Observe(path);
        return Require(path);
    }

    public string GetString(string path) => Scalar<string>(path, "a string", s => s.Text);

    /// <summary>The string, or null when the path is missing or set to null (optional settings).</summary>
    public string? GetStringOrNull(string path) => HasPath(path) ? GetString(path) : null;

    public bool GetBoolean(string path) => Scalar<bool>(path, "a boolean (true/false, yes/no, on/off)", ToBoolean);

    public int GetInt(string path) => Scalar<int>(path, IntRange, ToInt);

    public long GetLong(string path) => Scalar<long>(path, "an integer", ToLong);

    public double GetDouble(string path) => Scalar<double>(path, "a number", ToDouble);

    /// <summary>A duration: a bare number is milliseconds; units ns, us, ms, s, m, h, d and their long forms.</summary>
    public TimeSpan GetTimeSpan(string path) => Scalar<TimeSpan>(path, "a duration (e.g. 500ms, 10s, 5m)", ToTimeSpan);

    /// <summary>A duration in nanoseconds, exactly (TimeSpan keeps only 100 ns ticks).</summary>
    public long GetNanoseconds(string path) => Scalar<long>(path, "a duration", s => Narrow(ToNanoseconds(s)));

    /// <summary>A period of days, weeks, months or years (a bare number is days).</summary>
    public ConfigPeriod GetPeriod(string path) =>
        Scalar<ConfigPeriod>(path, "a period (e.g. 7d, 3 weeks, 5 mo, 1y)", s => s.ValueType == ConfigValueType.Boolean ? null : ConfigUnits.ParsePeriod(s.Text));

    /// <summary>A size in bytes: a bare number is bytes; units B, K/KiB, M/MiB …, kB, MB … up to YB.</summary>
    public long GetByteSize(string path) => Scalar<long>(path, "a size in bytes (e.g. 512KiB, 10MB)", s => Narrow(ToBytes(s)));

    /// <summary>A size in bytes that may exceed a long (zettabytes, yottabytes).</summary>
    public BigInteger GetByteSizeBig(string path) => Scalar<BigInteger>(path, "a size in bytes (e.g. 512KiB, 10MB)", s => ToBytes(s));

    public IReadOnlyList<string> GetStringList(string path) => List<string>(path, "a string", s => s.Text);

    public IReadOnlyList<int> GetIntList(string path) => List<int>(path, IntRange, ToInt);

    public IReadOnlyList<long> GetLongList(string path) => List<long>(path, "an integer", ToLong);

    public IReadOnlyList<double> GetDoubleList(string path) => List<double>(path, "a number", ToDouble);

    public IReadOnlyList<bool> GetBooleanList(string path) => List<bool>(path, "a boolean", ToBoolean);

    public IReadOnlyList<TimeSpan> GetTimeSpanList(string path) => List<TimeSpan>(path, "a duration", ToTimeSpan);

    public IReadOnlyList<long> GetByteSizeList(string path) => List<long>(path, "a size in bytes", s => Narrow(ToBytes(s)));

    /// <summary>The object at a path as a config (its errors still name absolute keys).</summary>
    /// <exception cref="ConfigException">The path is missing or not an object.</exception>
    public Config GetConfig(string path)
    {
        var value = Require(path);
        if (value is not ConfigObject obj)
        {
            throw Mismatch(path, value, "an object");
        }
        return new Config(obj, [.. _prefix, .. ConfigPath.Split(path)], _observer);
    }

    /// <summary>A list of objects as configs.</summary>
    public IReadOnlyList<Config> GetConfigList(string path)
    {
        Observe(path);
        var value = Require(path);
        if (value is not ConfigList list)
        {
            throw Mismatch(path, value, "a list of objects");
        }
        var segments = ConfigPath.Split(path);
        return [.. list.Items.Select((item, i) => item is ConfigObject obj
            ? new Config(obj, [.. _prefix, .. segments, i.ToString(CultureInfo.InvariantCulture)])
            : throw new ConfigException(item.Origin, AbsolutePath(path) + "." + i, $"expected an object in the list, got {Describe(item)}"))];
    }

    private T Scalar<T>(string path, string expected, Func<ConfigScalar, object?> convert)
    {
        Observe(path);
        var value = Require(path);
        return value is ConfigScalar { ValueType: not ConfigValueType.Null } scalar && Convert(scalar, convert) is T result
            ? result
            : throw Mismatch(path, value, expected);
    }

    private IReadOnlyList<T> List<T>(string path, string expected, Func<ConfigScalar, object?> convert)
    {
        Observe(path);
        var value = Require(path);
        if (value is not ConfigList list)
        {
            throw Mismatch(path, value, "a list");
        }
        var result = new List<T>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            result.Add(item is ConfigScalar { ValueType: not ConfigValueType.Null } scalar && Convert(scalar, convert) is T converted
                ? converted
                : throw new ConfigException(item.Origin, AbsolutePath(path) + "." + i, $"expected {expected}, got {Describe(item)}"));
        }
        return result;
    }

    private static object? Convert(ConfigScalar scalar, Func<ConfigScalar, object?> convert)
    {
        try
        {
            return convert(scalar);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private ConfigException Mismatch(string path, ConfigValue value, string expected) =>
        new(value.Origin, AbsolutePath(path), $"expected {expected}, got {Describe(value)}");

    private ConfigValue Require(string path) =>
        Find(path) ?? throw new ConfigException(null, AbsolutePath(path), "no setting at this path");

    private ConfigValue? Find(string path)
    {
        ConfigValue current = Resolved;
        foreach (var segment in ConfigPath.Split(path))
        {
            if (current is not ConfigObject obj || obj[segment] is not { } child)
            {
                return null;
            }
            current = child;
        }
        return current;
    }

    private void Observe(string path) => _observer?.Invoke(AbsolutePath(path));

    internal static string Describe(ConfigValue value) => value switch
    {
        ConfigObject => "an object",
        ConfigList => "a list",
        ConfigScalar { ValueType: ConfigValueType.String } s => ConfigPath.Quote(s.Text),
        ConfigScalar s => s.Text,
        _ => value.ToString(),
    };

    private const string IntRange = "an integer (-2147483648..2147483647)";

    private static object? ToBoolean(ConfigScalar s) => s.Text switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => null,
    };

    private static object? ToInt(ConfigScalar s) => ToInteger(s) is { } v && v >= int.MinValue && v <= int.MaxValue ? (int)v : null;

    private static object? ToLong(ConfigScalar s) => Narrow(ToInteger(s));

    private static object? Narrow(BigInteger? v) => v is { } n && n >= long.MinValue && n <= long.MaxValue ? (long)n : null;

    private static BigInteger? ToInteger(ConfigScalar s)
    {
        if (s.ValueType == ConfigValueType.Boolean)
        {
            return null;
        }
        var text = s.Text.Trim();
        if (BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exact))
        {
            return exact;
        }
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d)
            ? new BigInteger(d)
            : null;
    }

    private static object? ToDouble(ConfigScalar s) =>
        s.ValueType != ConfigValueType.Boolean
        && double.TryParse(s.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
        && double.IsFinite(d)
            ? d
            : null;

    private static object? ToTimeSpan(ConfigScalar s) =>
        ToNanoseconds(s) is { } ns && ns / 100 >= long.MinValue && ns / 100 <= long.MaxValue ? TimeSpan.FromTicks((long)(ns / 100)) : null;

    private static BigInteger? ToNanoseconds(ConfigScalar s) =>
        s.ValueType == ConfigValueType.Boolean ? null : ConfigUnits.ParseDuration(s.Text);

    private static BigInteger? ToBytes(ConfigScalar s) =>
        s.ValueType == ConfigValueType.Boolean ? null : ConfigUnits.ParseBytes(s.Text);
}

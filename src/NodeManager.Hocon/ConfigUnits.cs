using System.Globalization;
using System.Numerics;

namespace NodeManager.Hocon;

/// <summary>The units format of HOCON.md: a number, optional whitespace, an optional unit made of letters.</summary>
public static class ConfigUnits
{
    private static readonly Dictionary<string, BigInteger> DurationUnits = BuildDurationUnits();
    private static readonly Dictionary<string, BigInteger> SizeUnits = BuildSizeUnits();

    /// <summary>Nanoseconds, or null when the text is not a duration. A bare number is milliseconds.</summary>
    public static BigInteger? ParseDuration(string text) => Parse(text, DurationUnits, "ms");

    /// <summary>Bytes, or null when the text is not a size. A bare number is bytes.</summary>
    public static BigInteger? ParseBytes(string text) => Parse(text, SizeUnits, "B");

    /// <summary>
    /// A period, or null when the text is not one: a whole number and d/day(s), w/week(s), m/mo/month(s) or
    /// y/year(s); a bare number is days.
    /// </summary>
    public static ConfigPeriod? ParsePeriod(string text)
    {
        var (number, unit) = Split(text);
        if (!int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }
        return unit switch
        {
            "" or "d" or "day" or "days" => new ConfigPeriod(0, 0, n),
            "w" or "week" or "weeks" => new ConfigPeriod(0, 0, checked(n * 7)),
            "m" or "mo" or "month" or "months" => new ConfigPeriod(0, n, 0),
            "y" or "year" or "years" => new ConfigPeriod(n, 0, 0),
            _ => null,
        };
    }

    private static (string Number, string Unit) Split(string text)
    {
        var trimmed = text.Trim();
        var unitStart = trimmed.Length;
        while (unitStart > 0 && char.IsLetter(trimmed[unitStart - 1]))
        {
            unitStart--;
        }
        return (trimmed[..unitStart].TrimEnd(), trimmed[unitStart..]);
    }

    private static BigInteger? Parse(string text, Dictionary<string, BigInteger> units, string defaultUnit)
    {
        var (number, unit) = Split(text);
        if (number.Length == 0 || !units.TryGetValue(unit.Length == 0 ? defaultUnit : unit, out var factor))
        {
            return null;
        }
        if (BigInteger.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole * factor;
        }
        // Fractions ("0.5s", "1.5GiB"): decimal keeps 28 digits, plenty for 2^80 bytes or a day in nanoseconds.
        if (decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction))
        {
            return new BigInteger(decimal.Round(fraction * (decimal)factor, MidpointRounding.AwayFromZero));
        }
        return null;
    }

    private static Dictionary<string, BigInteger> BuildDurationUnits()
    {
        var units = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
        void Add(long nanos, params string[] names)
        {
            foreach (var name in names)
            {
                units[name] = nanos;
            }
        }
        Add(1, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(1_000, "us", "micro", "micros", "microsecond", "microseconds");
        Add(1_000_000, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(1_000_000_000, "s", "second", "seconds");
        Add(60_000_000_000, "m", "minute", "minutes");
        Add(3_600_000_000_000, "h", "hour", "hours");
        Add(86_400_000_000_000, "d", "day", "days");
        return units;
    }

    private static Dictionary<string, BigInteger> BuildSizeUnits()
    {
        var units = new Dictionary<string, BigInteger>(StringComparer.Ordinal)
        {
            ["B"] = 1, ["b"] = 1, ["byte"] = 1, ["bytes"] = 1,
        };
        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        const string letters = "KMGTPEZY";
        for (var i = 0; i < letters.Length; i++)
        {
            var power = i + 1;
            var ten = BigInteger.Pow(1000, power);
            var two = BigInteger.Pow(1024, power);
            var upper = letters[i].ToString();
            var decimalAbbreviation = (i == 0 ? "k" : upper) + "B";
            foreach (var name in new[] { decimalAbbreviation, decimalNames[i] + "byte", decimalNames[i] + "bytes" })
            {
                units[name] = ten;
            }
            foreach (var name in new[] { upper, upper.ToLowerInvariant(), upper + "i", upper + "iB", binaryNames[i] + "byte", binaryNames[i] + "bytes" })
            {
                units[name] = two;
            }
        }
        return units;
    }
}

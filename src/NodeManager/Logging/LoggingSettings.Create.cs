using NodeManager.Hocon;
using Serilog;
using Serilog.Events;

namespace NodeManager.Logging;

public sealed partial record LoggingSettings
{
    private const string Section = "node-manager.logging";

    /// <summary>Reads <c>node-manager.logging</c> from the root config; bad values name file, line and key.</summary>
    public static LoggingSettings Create(Config config)
    {
        var overrides = new Dictionary<string, LogEventLevel>(StringComparer.Ordinal);
        foreach (var entry in config.GetStringList($"{Section}.overrides"))
        {
            var separator = entry.LastIndexOf('=');
            if (separator <= 0 || !TryParseLevel(entry[(separator + 1)..].Trim(), out var level))
            {
                throw ConfigException.BadValue(config, $"{Section}.overrides",
                    $"expected \"Category.Prefix=level\" with level one of {LevelNames}, got \"{entry}\"");
            }

            overrides[entry[..separator].Trim()] = level;
        }

        var console = new ConsoleLogSettings(
            config.GetBoolean($"{Section}.console.enabled"),
            config.GetString($"{Section}.console.output-template"),
            ParseEnum<ConsoleTheme>(config, $"{Section}.console.theme"));

        var retained = config.GetInt($"{Section}.file.retained-file-count");
        if (retained < 1)
        {
            throw ConfigException.BadValue(config, $"{Section}.file.retained-file-count", $"expected at least 1, got {retained}");
        }

        var file = new FileLogSettings(
            config.GetBoolean($"{Section}.file.enabled"),
            config.GetString($"{Section}.file.path"),
            ParseEnum<RollingInterval>(config, $"{Section}.file.rolling-interval"),
            retained,
            ParseEnum<FileLogFormat>(config, $"{Section}.file.format"));

        var levelText = config.GetString($"{Section}.level");
        if (!TryParseLevel(levelText, out var minimum))
        {
            throw ConfigException.BadValue(config, $"{Section}.level", $"expected one of {LevelNames}, got \"{levelText}\"");
        }

        return new LoggingSettings(minimum, overrides, console, file);
    }

    private static string LevelNames => string.Join(", ", Enum.GetNames<LogEventLevel>().Select(n => n.ToLowerInvariant()));

    // "information" and "info", "warning" and "warn": both spellings are in common use in HOCON files.
    private static bool TryParseLevel(string text, out LogEventLevel level)
    {
        var normalised = text.ToLowerInvariant() switch
        {
            "info" => "information",
            "warn" => "warning",
            "trace" => "verbose",
            var other => other,
        };
        return Enum.TryParse(normalised, ignoreCase: true, out level) && Enum.IsDefined(level);
    }

    private static T ParseEnum<T>(Config config, string path)
        where T : struct, Enum
    {
        var text = config.GetString(path);
        return Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _)
            ? value
            : throw ConfigException.BadValue(config, path,
                $"expected one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}, got \"{text}\"");
    }
}

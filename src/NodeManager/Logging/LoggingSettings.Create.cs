using NodeManager.Core.Settings;
using NodeManager.Hocon;
using Serilog;
using Serilog.Events;

namespace NodeManager.Logging;

public sealed partial record LoggingSettings
{
    private const string Section = "node-manager.logging";

    /// <summary>Reads <c>node-manager.logging</c> from the root config; bad values name file, line and key, all of them.</summary>
    /// <exception cref="ConfigException">One value is wrong.</exception>
    /// <exception cref="ConfigErrorsException">Several are.</exception>
    public static LoggingSettings Create(Config config)
    {
        var reader = new SettingsReader(config);
        var overrides = new Dictionary<string, LogEventLevel>(StringComparer.Ordinal);
        foreach (var entry in reader.StringList($"{Section}.overrides"))
        {
            var separator = entry.LastIndexOf('=');
            var level = LogEventLevel.Information;
            var valid = separator > 0 && TryParseLevel(entry[(separator + 1)..].Trim(), out level);
            reader.Require(valid, $"{Section}.overrides", $"expected \"Category.Prefix=level\" with level one of {LevelNames}, got \"{entry}\"");
            if (valid)
            {
                overrides[entry[..separator].Trim()] = level;
            }
        }

        var console = new ConsoleLogSettings(
            reader.Boolean($"{Section}.console.enabled"),
            reader.String($"{Section}.console.output-template"),
            ParseEnum<ConsoleTheme>(reader, $"{Section}.console.theme"));

        var file = new FileLogSettings(
            reader.Boolean($"{Section}.file.enabled"),
            reader.String($"{Section}.file.path"),
            ParseEnum<RollingInterval>(reader, $"{Section}.file.rolling-interval"),
            reader.Read($"{Section}.file.retained-file-count", () => config.GetInt($"{Section}.file.retained-file-count"), 1),
            ParseEnum<FileLogFormat>(reader, $"{Section}.file.format"));
        reader.Require(file.RetainedFileCount >= 1, $"{Section}.file.retained-file-count", $"expected at least 1, got {file.RetainedFileCount}");

        var levelText = reader.String($"{Section}.level");
        var minimum = LogEventLevel.Information;
        reader.Require(TryParseLevel(levelText, out minimum), $"{Section}.level", $"expected one of {LevelNames}, got \"{levelText}\"");

        return reader.Result(new LoggingSettings(minimum, overrides, console, file));
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

    private static T ParseEnum<T>(SettingsReader reader, string path)
        where T : struct, Enum
    {
        var text = reader.String(path);
        var valid = Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
        reader.Require(valid, path, $"expected one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}, got \"{text}\"");
        return valid ? value : default;
    }
}

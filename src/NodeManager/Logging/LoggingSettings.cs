using Serilog.Events;

namespace NodeManager.Logging;

/// <summary>
/// <c>node-manager.logging</c>: where the live log goes and how much of it. Read once at start-up.
/// </summary>
/// <param name="Level">Minimum level for every category without an override.</param>
/// <param name="Overrides">Minimum level per category prefix (e.g. <c>Microsoft.AspNetCore</c> → Warning).</param>
/// <param name="Console">The console sink; off under systemd when the journal is fed from a file instead.</param>
/// <param name="File">The rolling file sink.</param>
public sealed partial record LoggingSettings(
    LogEventLevel Level,
    IReadOnlyDictionary<string, LogEventLevel> Overrides,
    ConsoleLogSettings Console,
    FileLogSettings File)
{
    /// <summary>The defaults of reference.conf, for tests and tools that have no configuration.</summary>
    public static LoggingSettings Default { get; } = new(
        LogEventLevel.Information,
        new Dictionary<string, LogEventLevel>
        {
            ["Microsoft.AspNetCore"] = LogEventLevel.Warning,
            ["Microsoft.Hosting"] = LogEventLevel.Warning,
            ["System.Net.Http"] = LogEventLevel.Warning,
        },
        new ConsoleLogSettings(true, ConsoleLogSettings.DefaultTemplate, ConsoleTheme.Auto),
        new FileLogSettings(false, "logs/nodemanager-.log", Serilog.RollingInterval.Day, 14, FileLogFormat.Text));
}

/// <param name="Enabled">Writes to stdout when on.</param>
/// <param name="OutputTemplate">A Serilog output template.</param>
/// <param name="Theme">Colours: <see cref="ConsoleTheme.Auto"/> colours a terminal and leaves redirected output plain.</param>
public sealed record ConsoleLogSettings(bool Enabled, string OutputTemplate, ConsoleTheme Theme)
{
    /// <summary>Time, level, the short source (actor path or class name), the message: one readable line per event.</summary>
    public const string DefaultTemplate =
        "{Timestamp:HH:mm:ss.fff} {Level:u3} {Source,-28} {Message:lj}{NewLine}{Exception}";
}

/// <param name="Enabled">Writes to <paramref name="Path"/> when on.</param>
/// <param name="Path">File path; the rolling interval's date is inserted before the extension.</param>
/// <param name="RollingInterval">How often a new file starts.</param>
/// <param name="RetainedFileCount">How many files are kept; older ones are deleted.</param>
/// <param name="Format">Plain text lines or one JSON object per line.</param>
public sealed record FileLogSettings(
    bool Enabled,
    string Path,
    Serilog.RollingInterval RollingInterval,
    int RetainedFileCount,
    FileLogFormat Format);

public enum ConsoleTheme
{
    Auto,
    Ansi,
    None,
}

public enum FileLogFormat
{
    Text,
    Json,
}

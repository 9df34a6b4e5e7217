using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Formatting.Json;
using Serilog.Sinks.SystemConsole.Themes;

namespace NodeManager.Logging;

/// <summary>
/// Turns <see cref="LoggingSettings"/> into the one Serilog pipeline of a process. The product's own loggers (through
/// the host's <c>ILoggerFactory</c>) and Akka's (through <c>Akka.Logger.Serilog</c>) both write into it, so every
/// line has the same format and the same short <c>Source</c>. Disposing it flushes and closes the sinks, so the
/// composition root disposes it last.
/// </summary>
public static class ProductLogger
{
    public static Logger Create(LoggingSettings settings, ILogEventSink? extraSink = null)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(settings.Level)
            .Enrich.FromLogContext()
            .Enrich.With<SourceEnricher>();
        foreach (var (category, level) in settings.Overrides)
        {
            configuration.MinimumLevel.Override(category, level);
        }

        if (settings.Console.Enabled)
        {
            // The console is what an operator watches: a plain error there is one line, not a stack trace.
            configuration.WriteTo.Sink(LoggerSinkConfiguration.Wrap(
                console => new PlainErrorSink(console),
                sinks => sinks.Console(
                    outputTemplate: settings.Console.OutputTemplate,
                    theme: ThemeOf(settings.Console.Theme),
                    applyThemeToRedirectedOutput: settings.Console.Theme == ConsoleTheme.Ansi,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (settings.File.Enabled)
        {
            if (settings.File.Format == FileLogFormat.Json)
            {
                configuration.WriteTo.File(
                    new JsonFormatter(renderMessage: true),
                    settings.File.Path,
                    rollingInterval: settings.File.RollingInterval,
                    retainedFileCountLimit: settings.File.RetainedFileCount);
            }
            else
            {
                configuration.WriteTo.File(
                    settings.File.Path,
                    outputTemplate: FileTemplate,
                    rollingInterval: settings.File.RollingInterval,
                    retainedFileCountLimit: settings.File.RetainedFileCount,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (extraSink is not null)
        {
            configuration.WriteTo.Sink(extraSink);
        }

        return configuration.CreateLogger();
    }

    // Files are read later and elsewhere: full date and offset, full category.
    private const string FileTemplate =
        "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} {Level:u3} {SourceContext} {Source} {Message:lj}{NewLine}{Exception}";

    // Auto: colour on a terminal; plain when redirected (systemd's journal, a pipe), which the sink decides itself.
    private static Serilog.Sinks.SystemConsole.Themes.ConsoleTheme ThemeOf(ConsoleTheme theme) => theme switch
    {
        ConsoleTheme.None => Serilog.Sinks.SystemConsole.Themes.ConsoleTheme.None,
        _ => AnsiConsoleTheme.Code,
    };
}

using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace NodeManager.Tests.Logging;

/// <summary>Keeps every event, and each as the console would print it with the default template.</summary>
internal sealed class CollectingSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();
    private readonly MessageTemplateTextFormatter _console =
        new(NodeManager.Logging.ConsoleLogSettings.DefaultTemplate, System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<LogEvent> Events => [.. _events];

    /// <summary>The events as console lines, without the trailing newline.</summary>
    public IReadOnlyList<string> Lines => [.. _events.Select(Format)];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    private string Format(LogEvent logEvent)
    {
        using var writer = new StringWriter();
        _console.Format(logEvent, writer);
        return writer.ToString().TrimEnd('\r', '\n');
    }
}

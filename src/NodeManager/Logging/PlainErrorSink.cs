using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace NodeManager.Logging;

/// <summary>
/// Writes an event whose exception is a <see cref="PlainErrors">plain error</see> as one line: the exception's message
/// joins the event's message and the stack trace is left out (a port in use is not a bug to debug). Other events pass
/// unchanged.
/// </summary>
internal sealed class PlainErrorSink(ILogEventSink inner) : ILogEventSink
{
    public const string CauseProperty = "Cause";

    private static readonly MessageTemplateParser Parser = new();

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Exception is not { } exception || !PlainErrors.IsPlain(exception))
        {
            inner.Emit(logEvent);
            return;
        }

        var template = Parser.Parse($"{logEvent.MessageTemplate.Text}: {{{CauseProperty}}}");
        var properties = logEvent.Properties
            .Where(p => p.Key != CauseProperty)
            .Select(p => new LogEventProperty(p.Key, p.Value))
            .Append(new LogEventProperty(CauseProperty, new ScalarValue(PlainErrors.OneLine(exception))));
        inner.Emit(new LogEvent(logEvent.Timestamp, logEvent.Level, exception: null, template, properties));
    }
}

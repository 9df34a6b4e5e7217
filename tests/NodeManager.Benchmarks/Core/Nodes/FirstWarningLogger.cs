using Microsoft.Extensions.Logging;

namespace NodeManager.Benchmarks.Core.Nodes;

/// <summary>
/// Keeps the first warning or error any node logs (a journal write that failed, a step that did), so that a round that
/// fails can say why; everything else is dropped. One instance is shared by all the nodes of a round.
/// </summary>
internal sealed class FirstWarningLogger : ILogger
{
    private string? _first;

    public string? First => Volatile.Read(ref _first);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && _first is null;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
            Interlocked.CompareExchange(ref _first, formatter(state, exception), null);
    }
}

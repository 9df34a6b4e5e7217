using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NodeManager.Testing;

/// <summary>A logger factory that keeps every entry, for specs that assert on what was logged.</summary>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception, IReadOnlyList<object> Scopes);

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        private readonly AsyncLocal<ImmutableScopes?> _scopes = new();

        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            var outer = _scopes.Value;
            _scopes.Value = new ImmutableScopes(state, outer);
            return new PopScope(() => _scopes.Value = outer);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<object>();
            for (var scope = _scopes.Value; scope is not null; scope = scope.Outer)
            {
                scopes.Add(scope.State);
            }

            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception, scopes));
        }

        private sealed record ImmutableScopes(object State, ImmutableScopes? Outer);

        private sealed class PopScope(Action pop) : IDisposable
        {
            public void Dispose() => pop();
        }
    }
}

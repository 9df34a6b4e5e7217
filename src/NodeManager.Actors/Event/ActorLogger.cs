using System.Collections;
using Microsoft.Extensions.Logging;

namespace NodeManager.Actors;

/// <summary>Puts the actor's path in the scope of every entry (Serilog shows it as <c>ActorPath</c>).</summary>
internal sealed class ActorLogger(ILogger inner, ActorPath path) : ILogger
{
    private readonly PathScope _scope = new(path);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        using (inner.BeginScope(_scope))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }

    private sealed class PathScope(ActorPath path) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?> _entry = new("ActorPath", path.ToStringWithoutAddress());

        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? _entry : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return _entry;
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"ActorPath:{_entry.Value}";
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NodeManager.Actors;

/// <summary>
/// The actor runtime's settings: the services it runs on and the tunables of
/// <c>node-manager.actors</c> in reference.conf.
/// </summary>
public sealed partial record ActorSystemSettings
{
    public static readonly ActorSystemSettings Default = new();

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Drives the scheduler, timers, ask timeouts and restart windows.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Messages an actor processes before it gives its thread back (fairness).</summary>
    public int Throughput { get; init; } = 30;

    /// <summary>The timeout of <c>Ask</c> when the caller gives none.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Dead letters and unhandled messages logged per window; 0 turns their logging off.</summary>
    public int DeadLetterLogLimit { get; init; } = 10;

    public TimeSpan DeadLetterLogWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long each coordinated-shutdown phase may take before the next one starts anyway.</summary>
    public TimeSpan ShutdownPhaseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    internal ActorSystemSettings Validate()
    {
        Require(Throughput >= 1, nameof(Throughput), "must be at least 1");
        Require(AskTimeout > TimeSpan.Zero, nameof(AskTimeout), "must be positive");
        Require(DeadLetterLogLimit >= 0, nameof(DeadLetterLogLimit), "cannot be negative");
        Require(DeadLetterLogWindow > TimeSpan.Zero, nameof(DeadLetterLogWindow), "must be positive");
        Require(ShutdownPhaseTimeout > TimeSpan.Zero, nameof(ShutdownPhaseTimeout), "must be positive");
        ArgumentNullException.ThrowIfNull(LoggerFactory);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        return this;
    }

    private static void Require(bool valid, string name, string rule)
    {
        if (!valid)
        {
            throw new ArgumentException($"ActorSystemSettings.{name} {rule}", name);
        }
    }
}

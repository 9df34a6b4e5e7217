using Microsoft.Extensions.Logging;
using NodeManager.Hocon;

namespace NodeManager.Actors;

public sealed partial record ActorSystemSettings
{
    private const string Section = "node-manager.actors";

    /// <summary>
    /// Reads <c>node-manager.actors</c> of the root config; out-of-range values throw
    /// <see cref="ConfigException"/> naming file:line:col and key. The services (logging, time)
    /// are not configuration and come from the host.
    /// </summary>
    public static ActorSystemSettings Create(Config config, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.GetConfig(Section);
        return new ActorSystemSettings
        {
            LoggerFactory = loggerFactory ?? Default.LoggerFactory,
            TimeProvider = timeProvider ?? Default.TimeProvider,
            Throughput = AtLeast(section, "throughput", 1),
            AskTimeout = Positive(section, "ask-timeout"),
            DeadLetterLogLimit = AtLeast(section, "dead-letters.log-limit", 0),
            DeadLetterLogWindow = Positive(section, "dead-letters.log-window"),
            ShutdownPhaseTimeout = Positive(section, "coordinated-shutdown.phase-timeout"),
        };
    }

    private static int AtLeast(Config section, string path, int minimum)
    {
        var value = section.GetInt(path);
        return value >= minimum ? value : throw ConfigException.BadValue(section, path, $"must be at least {minimum}, got {value}");
    }

    private static TimeSpan Positive(Config section, string path)
    {
        var value = section.GetTimeSpan(path);
        return value > TimeSpan.Zero ? value : throw ConfigException.BadValue(section, path, $"must be a positive duration, got {value}");
    }
}

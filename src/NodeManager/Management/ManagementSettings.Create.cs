using System.Net;
using NodeManager.Core.Settings;
using NodeManager.Hocon;

namespace NodeManager.Management;

public sealed partial record ManagementSettings
{
    private const string Section = "node-manager.management";

    /// <summary>Reads <c>node-manager.management</c> from the root config; every out-of-range value names file, line and key.</summary>
    /// <exception cref="ConfigException">One value is at fault.</exception>
    /// <exception cref="ConfigErrorsException">Several are.</exception>
    public static ManagementSettings Create(Config config)
    {
        var c = new SettingsReader(config);
        var hostname = c.Read($"{Section}.hostname", () =>
        {
            var value = config.GetString($"{Section}.hostname");
            return value is "localhost" or "*" || IPAddress.TryParse(value, out _) ? value
                : throw ConfigException.BadValue(config, $"{Section}.hostname",
                    $"expected an IP address, \"localhost\", \"0.0.0.0\" or \"::\", got \"{value}\"");
        }, "");
        var port = c.Read($"{Section}.port", () =>
        {
            var value = config.GetInt($"{Section}.port");
            return value is >= IPEndPoint.MinPort and <= IPEndPoint.MaxPort ? value
                : throw ConfigException.BadValue(config, $"{Section}.port", $"expected a port 0..65535, got {value}");
        }, 0);
        var timeout = c.Read($"{Section}.request-timeout", () =>
        {
            var value = config.GetTimeSpan($"{Section}.request-timeout");
            return value > TimeSpan.Zero ? value
                : throw ConfigException.BadValue(config, $"{Section}.request-timeout", $"expected a duration > 0, got {value}");
        }, TimeSpan.Zero);
        var metricsEnabled = c.Boolean($"{Section}.metrics.enabled");
        var events = new EventFeedSettings(c.Int($"{Section}.events.buffer", 1), c.Duration($"{Section}.events.keep-alive", allowZero: false));
        return c.Result(new ManagementSettings(c.Boolean($"{Section}.enabled"), hostname, port, timeout)
        {
            MetricsEnabled = metricsEnabled,
            Events = events,
        });
    }
}

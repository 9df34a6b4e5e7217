using System.Net;
using NodeManager.Hocon;

namespace NodeManager.Management;

public sealed partial record ManagementSettings
{
    private const string Section = "node-manager.management";

    /// <summary>Reads <c>node-manager.management</c> from the root config; out-of-range values name file, line and key.</summary>
    public static ManagementSettings Create(Config config)
    {
        var hostname = config.GetString($"{Section}.hostname");
        if (hostname is not ("localhost" or "*") && !IPAddress.TryParse(hostname, out _))
        {
            throw ConfigException.BadValue(config, $"{Section}.hostname",
                $"expected an IP address, \"localhost\", \"0.0.0.0\" or \"::\", got \"{hostname}\"");
        }

        var port = config.GetInt($"{Section}.port");
        if (port is < IPEndPoint.MinPort or > IPEndPoint.MaxPort)
        {
            throw ConfigException.BadValue(config, $"{Section}.port", $"expected a port 0..65535, got {port}");
        }

        var timeout = config.GetTimeSpan($"{Section}.request-timeout");
        if (timeout <= TimeSpan.Zero)
        {
            throw ConfigException.BadValue(config, $"{Section}.request-timeout", $"expected a duration > 0, got {timeout}");
        }

        return new ManagementSettings(config.GetBoolean($"{Section}.enabled"), hostname, port, timeout)
        {
            MetricsEnabled = config.GetBoolean($"{Section}.metrics.enabled"),
        };
    }
}

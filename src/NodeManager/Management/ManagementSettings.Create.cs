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
        var tokens = c.Read($"{Section}.auth.tokens", () => config.GetConfigList($"{Section}.auth.tokens")
            .Zip(((ConfigList)config.GetValue($"{Section}.auth.tokens")).Items, (entry, item) => (entry, (ConfigOrigin?)item.Origin)).ToList(), []);
        return c.Result(new ManagementSettings(c.Boolean($"{Section}.enabled"), hostname, port, timeout)
        {
            MetricsEnabled = metricsEnabled,
            Events = events,
            Tokens = ReadTokens(c, tokens),
        });
    }

    /// <summary>Each token needs a name (letters, digits, '-', '_', '.'; unique) and a secret of at least 16 characters.</summary>
    private static List<OperatorToken> ReadTokens(SettingsReader reader, IReadOnlyList<(Config Entry, ConfigOrigin? Origin)> entries)
    {
        var tokens = new List<OperatorToken>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (entry, origin) = entries[i];
            var c = reader.For(entry);
            var name = Required(c, entry, origin, i, "name", "every token needs a name", value =>
                value.Length > 0 && value.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.')
                    ? null
                    : $"expected a name of letters, digits, '-', '_' and '.', got \"{value}\"");
            // The secret itself is never part of a message.
            var secret = Required(c, entry, origin, i, "secret", "every token needs a secret (is the environment variable it names set?)", value =>
                value.Length >= OperatorToken.MinimumSecretLength ? null : $"expected at least {OperatorToken.MinimumSecretLength} characters, got {value.Length}");
            c.Require(name.Length == 0 || tokens.All(t => t.Name != name), "name", $"another token is already named \"{name}\"");
            if (name.Length > 0 && secret.Length > 0) tokens.Add(new OperatorToken(name, secret));
        }

        return tokens;
    }

    /// <summary>The string at <paramref name="key"/> of one token, or "" with the fault collected (a missing key where its token begins).</summary>
    private static string Required(SettingsReader c, Config entry, ConfigOrigin? origin, int index, string key, string missing, Func<string, string?> fault) =>
        c.Read(key, () =>
        {
            if (!entry.HasPath(key))
            {
                throw new ConfigException(origin, $"{Section}.auth.tokens.{index}.{key}", $"missing: {missing}");
            }

            var value = entry.GetString(key);
            return fault(value) is { } message ? throw ConfigException.BadValue(entry, key, message) : value;
        }, "");
}

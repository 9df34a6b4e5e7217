using System.Data.Common;
using NodeManager.Core.Configuration;
using NodeManager.Hocon;

namespace NodeManager.Management;

public sealed partial class SecretRedactor
{
    // Secrets a cloud client may read from the environment or clouds.yaml without them passing through the config.
    private static readonly string[] SecretEnvironmentVariables =
        ["OS_PASSWORD", "OS_APPLICATION_CREDENTIAL_SECRET", "OS_TOKEN", "PGPASSWORD"];

    /// <summary>
    /// Every secret value in the configuration (keys <see cref="ConfigRedactor.IsSecretKey"/> names, and the password
    /// part of connection strings) and in the usual OpenStack and PostgreSQL environment variables.
    /// </summary>
    public static SecretRedactor FromConfig(Config config)
    {
        var secrets = new List<string>();
        foreach (var (path, value) in config.AsEnumerable())
        {
            if (value is not ConfigScalar { ValueType: ConfigValueType.String } scalar)
            {
                continue;
            }

            var key = path[(path.LastIndexOf('.') + 1)..];
            if (key.EndsWith("connection-string", StringComparison.OrdinalIgnoreCase))
            {
                // Only the password part of a connection string is secret.
                secrets.AddRange(ConnectionStringPasswords(scalar.Text));
            }
            else if (ConfigRedactor.IsSecretKey(key))
            {
                secrets.Add(scalar.Text);
            }
        }

        secrets.AddRange(TokenSecrets(config));
        secrets.AddRange(SecretEnvironmentVariables
            .Select(Environment.GetEnvironmentVariable)
            .OfType<string>());
        return new SecretRedactor(secrets);
    }

    /// <summary>The secrets of the management endpoint's bearer tokens: they sit in a list, where the walk above does not look.</summary>
    private static IEnumerable<string> TokenSecrets(Config config)
    {
        const string path = "node-manager.management.auth.tokens";
        if (!config.HasPath(path) || config.GetValue(path) is not ConfigList tokens)
        {
            return [];
        }

        return tokens.Items.OfType<ConfigObject>()
            .Select(token => token.Fields.FirstOrDefault(f => f.Key == "secret").Value)
            .OfType<ConfigScalar>()
            .Where(secret => secret.ValueType == ConfigValueType.String)
            .Select(secret => secret.Text)
            .ToList();
    }

    private static IEnumerable<string> ConnectionStringPasswords(string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return [];
        }

        return builder.Keys.Cast<string>()
            .Where(k => k.Equals("password", StringComparison.OrdinalIgnoreCase) || k.Equals("pwd", StringComparison.OrdinalIgnoreCase))
            .Select(k => builder[k]?.ToString())
            .OfType<string>()
            .ToList();
    }
}

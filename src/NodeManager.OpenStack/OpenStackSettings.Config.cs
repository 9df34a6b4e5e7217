using NodeManager.Core.Settings;
using NodeManager.Hocon;
using NodeManager.OpenStack.Credentials;

namespace NodeManager.OpenStack;

public sealed partial record OpenStackSettings
{
    public const string Path = "node-manager.openstack";

    /// <summary>Reads <c>node-manager.openstack</c> from the root config; every range error names file:line:col and key.</summary>
    /// <exception cref="ConfigException">One value is at fault.</exception>
    /// <exception cref="ConfigErrorsException">Several are.</exception>
    public static OpenStackSettings Create(Config root)
    {
        var c = root.GetConfig(Path);
        var reader = new SettingsReader(root);
        string? Opt(string key) => reader.Read($"{Path}.{key}", () => c.GetString(key) is { Length: > 0 } v ? v : null, null);
        TimeSpan Duration(string key, TimeSpan min, bool inclusive = true, TimeSpan? fallback = null) => reader.Read($"{Path}.{key}", () =>
        {
            var value = c.GetTimeSpan(key);
            if (inclusive ? value < min : value <= min)
                throw ConfigException.BadValue(root, $"{Path}.{key}", $"must be {(inclusive ? ">=" : ">")} {min.TotalSeconds:0.###}s");
            return value;
        }, fallback ?? min);
        int AtLeast(string key, int min) => reader.Read($"{Path}.{key}", () =>
        {
            var value = c.GetInt(key);
            if (value < min) throw ConfigException.BadValue(root, $"{Path}.{key}", $"must be >= {min}");
            return value;
        }, min);

        var @interface = reader.Read($"{Path}.interface", () => Opt("interface") is { } value && value is not ("public" or "internal" or "admin")
            ? throw ConfigException.BadValue(root, $"{Path}.interface", "must be public, internal or admin")
            : Opt("interface"), null);
        var microversion = reader.Read($"{Path}.compute-microversion", () =>
        {
            var value = c.GetString("compute-microversion");
            return Version.TryParse(value, out var mv) && mv.Major == 2 ? value
                : throw ConfigException.BadValue(root, $"{Path}.compute-microversion", "must be a compute microversion such as 2.37");
        }, Defaults.ComputeMicroversion);
        var initialDelay = Duration("retry.initial-delay", TimeSpan.Zero, inclusive: false, Defaults.RetryInitialDelay);
        // Judged against a valid initial delay only: a bad initial-delay is its own error.
        var maxDelay = Duration("retry.max-delay", initialDelay);

        var settings = new OpenStackSettings
        {
            Cloud = Opt("cloud"),
            CloudsYamlPath = Opt("clouds-yaml"),
            Auth = Opt("auth.auth-url") is { } authUrl
                ? new OpenStackCredentials
                {
                    AuthUrl = authUrl,
                    Username = Opt("auth.username"),
                    UserId = Opt("auth.user-id"),
                    Password = Opt("auth.password"),
                    UserDomainName = Opt("auth.user-domain-name"),
                    UserDomainId = Opt("auth.user-domain-id"),
                    ProjectName = Opt("auth.project-name"),
                    ProjectId = Opt("auth.project-id"),
                    ProjectDomainName = Opt("auth.project-domain-name"),
                    ProjectDomainId = Opt("auth.project-domain-id"),
                    ApplicationCredentialId = Opt("auth.application-credential-id"),
                    ApplicationCredentialSecret = Opt("auth.application-credential-secret"),
                }
                : null,
            Region = Opt("region"),
            Interface = @interface,
            CaCertFile = Opt("cacert"),
            ComputeMicroversion = microversion,
            CallTimeout = Duration("call-timeout", TimeSpan.Zero, inclusive: false),
            TokenRefreshMargin = Duration("token-refresh-margin", TimeSpan.Zero),
            MaxRetries = AtLeast("retry.max-retries", 0),
            RetryInitialDelay = initialDelay,
            RetryMaxDelay = maxDelay,
            MaxRetryAfter = Duration("retry.max-retry-after", TimeSpan.Zero),
            MaxConcurrency = AtLeast("max-concurrency", 1),
            RequestInterval = Duration("rate", TimeSpan.Zero),
            DnsEnabled = reader.Boolean($"{Path}.dns.enabled"),
        };
        return reader.Result(settings);
    }

    /// <summary>What a key at fault reads as while the others are still checked.</summary>
    private static OpenStackSettings Defaults { get; } = new();
}

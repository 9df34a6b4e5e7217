using NodeManager.Hocon;
using NodeManager.OpenStack.Credentials;

namespace NodeManager.OpenStack;

public sealed partial record OpenStackSettings
{
    public const string Path = "node-manager.openstack";

    /// <summary>Reads <c>node-manager.openstack</c> from the root config; range errors name file:line:col and key.</summary>
    public static OpenStackSettings Create(Config root)
    {
        var c = root.GetConfig(Path);
        string? Opt(string key) => c.GetString(key) is { Length: > 0 } v ? v : null;
        TimeSpan Duration(string key, TimeSpan min, bool inclusive = true)
        {
            var value = c.GetTimeSpan(key);
            if (inclusive ? value < min : value <= min)
                throw ConfigException.BadValue(root, $"{Path}.{key}", $"must be {(inclusive ? ">=" : ">")} {min.TotalSeconds:0.###}s");
            return value;
        }
        int AtLeast(string key, int min)
        {
            var value = c.GetInt(key);
            if (value < min) throw ConfigException.BadValue(root, $"{Path}.{key}", $"must be >= {min}");
            return value;
        }

        var @interface = Opt("interface");
        if (@interface is not null and not ("public" or "internal" or "admin"))
            throw ConfigException.BadValue(root, $"{Path}.interface", "must be public, internal or admin");
        var microversion = c.GetString("compute-microversion");
        if (!Version.TryParse(microversion, out var mv) || mv.Major != 2)
            throw ConfigException.BadValue(root, $"{Path}.compute-microversion", "must be a compute microversion such as 2.37");
        var initialDelay = Duration("retry.initial-delay", TimeSpan.Zero, inclusive: false);
        var maxDelay = Duration("retry.max-delay", initialDelay);

        return new OpenStackSettings
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
            DnsEnabled = c.GetBoolean("dns.enabled"),
        };
    }
}

using NodeManager.Hocon;

namespace NodeManager.Simulators.OpenStack;

public sealed partial record OpenStackSimulatorOptions
{
    public const string Path = "node-manager.simulators.openstack";

    /// <summary>Reads <c>node-manager.simulators.openstack</c> from the root config (time and logging stay at their defaults).</summary>
    public static OpenStackSimulatorOptions Create(Config root)
    {
        var c = root.GetConfig(Path);
        TimeSpan Duration(string key)
        {
            var value = c.GetTimeSpan(key);
            if (value < TimeSpan.Zero) throw ConfigException.BadValue(root, $"{Path}.{key}", "must be >= 0");
            return value;
        }
        var port = c.GetInt("port");
        if (port is < 0 or > 65535) throw ConfigException.BadValue(root, $"{Path}.port", "must be 0..65535");
        var tokenLifetime = Duration("token-lifetime");
        if (tokenLifetime == TimeSpan.Zero) throw ConfigException.BadValue(root, $"{Path}.token-lifetime", "must be > 0");
        return new OpenStackSimulatorOptions
        {
            Host = c.GetString("host"),
            Port = port,
            Region = c.GetString("region"),
            Username = c.GetString("username"),
            Password = c.GetString("password"),
            ProjectName = c.GetString("project-name"),
            ApplicationCredentialId = c.GetString("application-credential-id"),
            ApplicationCredentialSecret = c.GetString("application-credential-secret"),
            BootDelay = Duration("boot-delay"),
            VolumeCreateDelay = Duration("volume-create-delay"),
            AttachDelay = Duration("attach-delay"),
            DeleteDelay = Duration("delete-delay"),
            TokenLifetime = tokenLifetime,
            Quotas = new SimulatorQuotas(
                c.GetInt("quotas.instances"), c.GetInt("quotas.cores"), c.GetInt("quotas.ram"), c.GetInt("quotas.volumes"), c.GetInt("quotas.gigabytes")),
            IncludeDns = c.GetBoolean("dns.enabled"),
            DnsZones = c.GetStringList("dns.zones"),
            Seed = c.GetInt("seed"),
            StateFile = c.GetString("state-file"),
        };
    }
}

using NodeManager.Core.Settings;
using NodeManager.Hocon;

namespace NodeManager.Simulators.OpenStack;

public sealed partial record OpenStackSimulatorOptions
{
    public const string Path = "node-manager.simulators.openstack";

    /// <summary>
    /// Reads <c>node-manager.simulators.openstack</c> from the root config (time and logging stay at their defaults);
    /// every bad value names file:line:col and key.
    /// </summary>
    /// <exception cref="ConfigException">One value is at fault.</exception>
    /// <exception cref="ConfigErrorsException">Several are.</exception>
    public static OpenStackSimulatorOptions Create(Config root)
    {
        var c = new SettingsReader(root.GetConfig(Path));
        var tokenLifetime = c.Duration("token-lifetime", allowZero: false);
        var options = new OpenStackSimulatorOptions
        {
            Host = c.String("host"),
            Port = c.Int("port", 0, 65535),
            Region = c.String("region"),
            Username = c.String("username"),
            Password = c.String("password"),
            ProjectName = c.String("project-name"),
            ApplicationCredentialId = c.String("application-credential-id"),
            ApplicationCredentialSecret = c.String("application-credential-secret"),
            BootDelay = c.Duration("boot-delay"),
            VolumeCreateDelay = c.Duration("volume-create-delay"),
            AttachDelay = c.Duration("attach-delay"),
            DeleteDelay = c.Duration("delete-delay"),
            TokenLifetime = tokenLifetime,
            Quotas = new SimulatorQuotas(
                c.Int("quotas.instances", -1), c.Int("quotas.cores", -1), c.Int("quotas.ram", -1), c.Int("quotas.volumes", -1), c.Int("quotas.gigabytes", -1)),
            IncludeDns = c.Boolean("dns.enabled"),
            DnsZones = c.StringList("dns.zones"),
            Networks = c.StringList("networks"),
            Seed = c.Int("seed", int.MinValue),
            StateFile = c.String("state-file"),
        };
        return c.Result(options);
    }
}

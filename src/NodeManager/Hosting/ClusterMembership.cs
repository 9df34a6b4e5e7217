using NodeManager.Hocon;
using NodeManager.Persistence;
using AkkaAddress = Akka.Actor.Address;

namespace NodeManager.Hosting;

/// <summary>
/// Which cluster this member joins: the standard Akka keys <c>akka.cluster.seed-nodes</c> and
/// <c>akka.remote.dot-netty.tcp.hostname</c>/<c>port</c>. No seed nodes, or only this member's own address, makes a
/// cluster of one that joins itself. A cluster of more than one member must share its journal and the world it acts
/// on, so <see cref="Validate"/> refuses seed nodes naming another member while the journal is SQLite (one process per
/// file) or the cloud, capacity source or platform is an in-process simulator (each member would drive its own).
/// </summary>
public static class ClusterMembership
{
    public const string SeedNodesPath = "akka.cluster.seed-nodes";
    public const string HostnamePath = "akka.remote.dot-netty.tcp.hostname";
    public const string PortPath = "akka.remote.dot-netty.tcp.port";

    /// <summary>The seed nodes other than this member itself (as written); empty for a cluster of one.</summary>
    /// <exception cref="ConfigException">a seed node is not an Akka address.</exception>
    public static IReadOnlyList<string> OtherMembers(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var hostname = config.HasPath(HostnamePath) ? config.GetString(HostnamePath) : "";
        var port = config.HasPath(PortPath) ? config.GetInt(PortPath) : 0;
        return SeedNodes(config)
            .Where(seed => !(port != 0 && seed.Address.Port == port && string.Equals(seed.Address.Host, hostname, StringComparison.OrdinalIgnoreCase)))
            .Select(seed => seed.Text)
            .ToList();
    }

    /// <summary>
    /// Seed nodes that are no Akka address or name another actor system than <c>node-manager.cluster-name</c>; and, when
    /// they name another member, the SQLite journal and every simulated part, in one error at the seed-nodes key.
    /// </summary>
    public static IEnumerable<ConfigException> Validate(Config effective)
    {
        ArgumentNullException.ThrowIfNull(effective);
        if (!effective.HasPath(SeedNodesPath))
        {
            return [];
        }

        var origin = effective.GetOrigin(SeedNodesPath);
        IReadOnlyList<string> others;
        try
        {
            var clusterName = effective.GetString("node-manager.cluster-name");
            var strangers = SeedNodes(effective).Where(seed => seed.Address.System != clusterName).ToList();
            if (strangers.Count > 0)
            {
                return [new ConfigException(origin, SeedNodesPath,
                    $"{string.Join(", ", strangers.Select(s => s.Text))} names actor system \"{strangers[0].Address.System}\", " +
                    $"but node-manager.cluster-name is \"{clusterName}\": every member's seed nodes name the cluster's own name")];
            }

            others = OtherMembers(effective);
        }
        catch (ConfigException e)
        {
            return [e];
        }

        if (others.Count == 0)
        {
            return [];
        }

        var alone = new List<string>();
        if (Backend(effective) == JournalBackend.Sqlite)
        {
            alone.Add("the journal is SQLite (node-manager.persistence.journal.plugin), one file for one process");
        }

        var simulated = SimulatedParts.Of(effective);
        if (simulated.Cloud || simulated.CapacitySource || simulated.Platform)
        {
            alone.Add($"simulated in-process: {simulated.Names(simulated: true)}, so each member would drive a world of its own");
        }

        return alone.Count == 0
            ? []
            : [new ConfigException(origin, SeedNodesPath,
                $"names other members ({string.Join(", ", others)}), but this member can only run alone: {string.Join("; ", alone)}. " +
                "A cluster of more than one member shares a PostgreSQL journal and drives a real cloud, capacity source and platform " +
                "(or the simulators served over HTTP by `nodemgr simulate`); empty seed-nodes runs one member")];
    }

    private static JournalBackend? Backend(Config effective)
    {
        try
        {
            return JournalSettings.Create(effective).Journal.Backend;
        }
        catch (ConfigException)
        {
            // The journal's own validation reports what is wrong with it.
            return null;
        }
    }

    private static IEnumerable<(string Text, AkkaAddress Address)> SeedNodes(Config config)
    {
        foreach (var text in config.GetStringList(SeedNodesPath))
        {
            AkkaAddress address;
            try
            {
                address = AkkaAddress.Parse(text);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                address = null!;
            }

            if (address is null || address.Host is null || address.Port is null)
            {
                throw new ConfigException(config.GetOrigin(SeedNodesPath), SeedNodesPath,
                    $"\"{text}\" is not a member's address like \"akka.tcp://{config.GetString("node-manager.cluster-name")}@broker1:4053\"");
            }

            yield return (text, address);
        }
    }
}

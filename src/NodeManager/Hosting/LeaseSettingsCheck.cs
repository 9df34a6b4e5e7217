using NodeManager.Cluster.Lease;
using NodeManager.Core.Settings;
using NodeManager.Hocon;

namespace NodeManager.Hosting;

/// <summary>
/// The PostgreSQL lease's section (<c>akka.coordination.lease.postgresql</c>), checked before anything starts whenever
/// something takes the lease: the shards of a PostgreSQL journal (they do by default), an operator's
/// <c>akka.cluster.sharding.use-lease</c>, or the split brain resolver's <c>lease-majority</c>. Akka reads the section
/// only when the first shard asks for its lease; a bad value found then would stop every district without naming the
/// line at fault, so it is refused at start, every fault with its file, line and column.
/// </summary>
public static class LeaseSettingsCheck
{
    private const string UseLeasePath = "akka.cluster.sharding.use-lease";
    private const string SbrLeasePath = "akka.cluster.split-brain-resolver.lease-majority.lease-implementation";
    private const string SbrStrategyPath = "akka.cluster.split-brain-resolver.active-strategy";

    public static IEnumerable<ConfigException> Validate(Config effective)
    {
        ArgumentNullException.ThrowIfNull(effective);
        if (!TakesTheLease(effective) || !effective.HasPath(PostgreSqlLease.ConfigPath))
        {
            return [];
        }

        var reader = new SettingsReader(effective.GetConfig(PostgreSqlLease.ConfigPath));
        var interval = reader.Duration("heartbeat-interval", allowZero: false);
        var timeout = reader.Duration("heartbeat-timeout", allowZero: false);
        reader.Duration("lease-operation-timeout", allowZero: false);
        // The holder reads its lease as lost one interval before it expires: with less than two intervals per timeout
        // a single late renew would lose it.
        reader.Require(interval * 2 <= timeout, "heartbeat-interval",
            $"must be at most half of heartbeat-timeout ({timeout.TotalSeconds:0.###}s), got {interval.TotalSeconds:0.###}s", "heartbeat-timeout");
        var connectionString = reader.String("connection-string");
        reader.Require(!string.IsNullOrWhiteSpace(connectionString), "connection-string",
            "is empty: set it (by default the journal's, node-manager.persistence.journal.connection-string)");
        if (!string.IsNullOrWhiteSpace(connectionString) && PostgreSqlLeaseSettings.ConnectionStringFault(connectionString) is { } fault)
        {
            reader.Require(false, "connection-string", fault);
        }

        foreach (var key in new[] { "schema", "table" })
        {
            if (PostgreSqlLeaseSettings.IdentifierFault(reader.String(key)) is { } bad)
            {
                reader.Require(false, key, bad);
            }
        }

        reader.Boolean("auto-initialize");
        try
        {
            reader.Result(true);
            return [];
        }
        catch (Exception e) when (e is ConfigException or ConfigErrorsException)
        {
            return ConfigErrorsException.Of(e);
        }
    }

    private static bool TakesTheLease(Config effective) =>
        string.Equals(effective.GetString("node-manager.persistence.journal.plugin"), "postgresql", StringComparison.Ordinal)
        || Names(effective, UseLeasePath)
        || (Names(effective, SbrLeasePath) && effective.HasPath(SbrStrategyPath)
            && string.Equals(effective.GetString(SbrStrategyPath), "lease-majority", StringComparison.Ordinal));

    private static bool Names(Config effective, string path) =>
        effective.HasPath(path) && string.Equals(effective.GetString(path), PostgreSqlLease.ConfigPath, StringComparison.Ordinal);
}
